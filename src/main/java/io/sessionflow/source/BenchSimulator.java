package io.sessionflow.source;

import java.util.Map;

/**
 * A module's simulated vendor on loopback for the bench's end-to-end stages (the pipeline over HTTP, startup in a
 * new JVM): it holds live sessions, and the bench changes all of them between two polls.
 */
public interface BenchSimulator extends AutoCloseable {

    /** Starts a simulator holding {@code sessions} live sessions. */
    @FunctionalInterface
    interface Start {
        BenchSimulator start(int sessions);
    }

    /** Settings (property keys) that point account {@code default} at the simulator. */
    Map<String, String> settings();

    /** Every session changes once, so the next poll publishes one update each. */
    void changeAll(int round);

    /** Requests answered so far. */
    int requestCount();

    @Override
    void close();
}
