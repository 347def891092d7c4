package io.sessionflow.source;

import io.sessionflow.track.SessionSnapshot;
import java.time.Instant;

/** Vendor record to canonical snapshot; throws {@link UnmappableRecordException} for a record it cannot read. */
public interface SessionMapper<R> {

    SessionSnapshot map(SourceRecord<R> record, Instant now);

    /**
     * Whether {@link #map} reads nothing but the record (its scope and payload): not {@code now}, not other
     * state. Only then does an identical {@link SourceRecord#input()} mean an identical snapshot, so the
     * poller may skip a record whose input made the session's committed state. False unless a mapper says so.
     */
    default boolean readsOnlyItsRecord() {
        return false;
    }
}
