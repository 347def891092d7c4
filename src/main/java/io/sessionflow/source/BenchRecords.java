package io.sessionflow.source;

/**
 * Records shaped like a vendor's documented examples, one per session number, already parsed, with the module's
 * mapper: the bench measures mapping and diffing on them. {@code revision} changes the record (an update).
 */
public interface BenchRecords<R> {

    SessionMapper<R> mapper();

    SourceRecord<R> record(int session, int revision);

    /**
     * Session {@code session} as the vendor lists it once started at {@code start}, and once ended at {@code end}
     * (null while live): for the churn of sessions that start and end (bench row 8). Empty when not offered.
     */
    default java.util.Optional<SourceRecord<R>> lived(int session, java.time.Instant start, java.time.Instant end) {
        return java.util.Optional.empty();
    }
}
