package io.sessionflow.testing;

import io.sessionflow.event.SystemId;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A barrier on the pipeline's own progress instead of a sleep: every committed poll writes its account's cursor
 * ({@code cursor:<system>} for account default) to the state topic in the poll's transaction. Once a poll that began
 * after the world last changed is committed, whatever it derived is on the topics; a later committed poll proves that
 * transaction's markers are written too (a producer's next transaction waits for them), so
 * {@link TopicReader#readToEnd} then sees it.
 */
public final class CommittedPolls implements AutoCloseable {
    private final TopicReader state;
    private final String cursorKey;
    private int seen;

    public CommittedPolls(Pipeline pipeline, SystemId system) {
        this.state = pipeline.read(pipeline.topics().state());
        this.cursorKey =
                io.sessionflow.state.StateRecords.cursorKey(io.sessionflow.event.SourceAccount.defaultOf(system));
        this.seen = cursors(state.readToEnd());
    }

    /**
     * Waits for three polls committed after this call: the first may have begun before it, the second began
     * after it and so derived from the world as the caller last left it, the third proves the second's records
     * are readable.
     */
    public void awaitQuiet(Duration timeout) {
        seen = cursors(state.readToEnd());
        await(3, timeout);
    }

    /** Waits until {@code more} polls beyond those already seen are committed. */
    public void await(int more, Duration timeout) {
        int target = seen + more;
        seen = cursors(state.awaitUntil(records -> cursors(records) >= target, timeout));
    }

    private int cursors(java.util.List<ConsumerRecord<String, byte[]>> records) {
        return (int) records.stream().filter(r -> cursorKey.equals(r.key())).count();
    }

    @Override
    public void close() {
        state.close();
    }
}
