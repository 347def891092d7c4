package io.sessionflow.source;

import java.util.Map;

/**
 * A push module's simulated feed for the bench's latency stage: one live session, each {@link #change} of which the
 * vendor pushes as one feed message. The account's bean measures itself ({@link FeedSource}).
 */
public interface BenchFeed extends AutoCloseable {

    /** Starts a simulated feed with one live session. */
    @FunctionalInterface
    interface Start {
        BenchFeed start();
    }

    /** Settings (property keys) that point account {@code default} at the simulator. */
    Map<String, String> settings();

    /** Whether the pipeline has subscribed, so the next change is pushed to it. */
    boolean subscribed();

    /** One change of the session: one feed message. */
    void change();

    @Override
    void close();
}
