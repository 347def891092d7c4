package io.sessionflow.kafka;

/** The four topics; names come from configuration, never from payloads or headers. */
public record Topics(String events, String raw, String dlq, String state) {
}
