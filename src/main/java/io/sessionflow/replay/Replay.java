package io.sessionflow.replay;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the events topic over a time range, keeps what the filter accepts, and hands it to a sink. A record is
 * parsed only when the filter or the sink needs the event (see {@link ReplayRecord}).
 */
public final class Replay {
    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);
    private final TopicRangeReader reader;

    public Replay(String bootstrap) {
        this(new TopicRangeReader(bootstrap));
    }

    Replay(TopicRangeReader reader) {
        this.reader = reader;
    }

    /** @return how many events were written */
    public long run(String eventsTopic, TimeRange range, EventFilter filter, ReplaySink sink, Progress progress) {
        long[] written = {0};
        long[] unreadable = {0};
        try (sink) {
            reader.read(eventsTopic, range, progress, consumed -> {
                ReplayRecord record = new ReplayRecord(consumed);
                if (!record.isSessionEvent() || (sink.needsEvent() && record.event() == null)) {
                    unreadable[0]++;
                    return;
                }
                if (filter.accepts(record)) {
                    sink.write(record);
                    written[0]++;
                }
            });
        }
        if (unreadable[0] > 0) {
            LOG.warn("skipped {} records of {} that are not session events", unreadable[0], eventsTopic);
        }
        return written[0];
    }
}
