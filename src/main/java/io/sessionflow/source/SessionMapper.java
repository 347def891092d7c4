package io.sessionflow.source;

import io.sessionflow.track.SessionSnapshot;
import java.time.Instant;

/** Vendor record to canonical snapshot; throws {@link UnmappableRecordException} for a record it cannot read. */
public interface SessionMapper<R> {

    SessionSnapshot map(SourceRecord<R> record, Instant now);
}
