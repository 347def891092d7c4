package io.sessionflow.source;

/**
 * One vendor record as fetched, before mapping.
 *
 * @param scope    the complete list it came from (see {@link io.sessionflow.track.SessionSnapshot#scope()})
 * @param endpoint where it was fetched, for dead letters
 * @param payload  the parsed vendor record
 * @param raw      its text, kept for the dead-letter topic
 * @param input    all the vendor text the payload was read from (with {@code scope}, the record's whole input),
 *                 when the fetcher can say so; null when the payload holds anything else (e.g. what was known
 *                 before). Lets the poller recognise a record it has seen before without mapping it again.
 */
public record SourceRecord<R>(String scope, String endpoint, R payload, String raw, String input) {

    /** A record whose input is not known as text: it is mapped on every poll. */
    public SourceRecord(String scope, String endpoint, R payload, String raw) {
        this(scope, endpoint, payload, raw, null);
    }

    /** A record parsed from {@code raw} alone, so its raw text is its whole input. */
    public static <R> SourceRecord<R> ofText(String scope, String endpoint, R payload, String raw) {
        return new SourceRecord<>(scope, endpoint, payload, raw, raw);
    }
}
