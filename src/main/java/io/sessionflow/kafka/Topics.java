package io.sessionflow.kafka;

/** The pipeline's topics; names come from configuration, never from payloads or headers. */
public record Topics(String events, String raw, String dlq, String state, String watermarks) {

    /** Topics named {@code <prefix>.events}, {@code <prefix>.raw} and so on: benchmarks and tests. */
    public static Topics prefixed(String prefix) {
        return new Topics(prefix + ".events", prefix + ".raw", prefix + ".dlq", prefix + ".state",
                prefix + ".watermarks");
    }
}
