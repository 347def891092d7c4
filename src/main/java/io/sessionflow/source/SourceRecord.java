package io.sessionflow.source;

/**
 * One vendor record as fetched, before mapping.
 *
 * @param scope    the complete list it came from (see {@link io.sessionflow.track.SessionSnapshot#scope()})
 * @param endpoint where it was fetched, for dead letters
 * @param payload  the parsed vendor record
 * @param raw      its text, kept for the dead-letter topic
 */
public record SourceRecord<R>(String scope, String endpoint, R payload, String raw) {
}
