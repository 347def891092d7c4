package io.sessionflow.publish;

import io.sessionflow.source.PollBatch;
import io.sessionflow.track.SessionTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After Kafka acknowledged a batch: remember what was published, and say so in one log line. */
public final class PublishedBatches {
    private static final Logger LOG = LoggerFactory.getLogger(PublishedBatches.class);
    private final SessionTracker tracker;

    public PublishedBatches(SessionTracker tracker) {
        this.tracker = tracker;
    }

    public void commit(PollBatch batch) {
        tracker.commit(batch.transitions());
        if (!batch.events().isEmpty() || !batch.deadLetters().isEmpty()) {
            LOG.info("{}: published {} events, {} raw payloads, {} dead letters", batch.system().id(),
                    batch.events().size(), batch.raw().size(), batch.deadLetters().size());
        }
    }
}
