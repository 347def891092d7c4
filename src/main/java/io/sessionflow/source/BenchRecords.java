package io.sessionflow.source;

/**
 * Records shaped like a vendor's documented examples, one per session number, already parsed, with the module's
 * mapper: the bench measures mapping and diffing on them. {@code revision} changes the record (an update).
 */
public interface BenchRecords<R> {

    SessionMapper<R> mapper();

    SourceRecord<R> record(int session, int revision);
}
