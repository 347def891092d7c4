package io.sessionflow.replay;

/** Where replayed events go: a file (JSON Lines, CSV) or another topic. */
public interface ReplaySink extends AutoCloseable {

    /** @param record a session event the filters kept; {@link ReplayRecord#event()} parses it if needed */
    void write(ReplayRecord record);

    /**
     * Whether this sink reads the parsed event ({@link ReplayRecord#event()}) rather than the record's bytes:
     * only then is every record parsed, and one whose value does not parse is skipped as not a session event.
     */
    default boolean needsEvent() {
        return false;
    }

    @Override
    void close();
}
