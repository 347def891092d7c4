package io.sessionflow.replay;

import java.time.Instant;

/**
 * A half-open range of Kafka record timestamps: {@code from} inclusive, {@code to} exclusive, so consecutive
 * ranges ({@code [a,b)}, {@code [b,c)}) never repeat or lose a record.
 */
public record TimeRange(Instant from, Instant to) {

    public TimeRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from " + from + " must be before --to " + to);
        }
    }

    public boolean contains(long timestampMillis) {
        return timestampMillis >= from.toEpochMilli() && timestampMillis < to.toEpochMilli();
    }
}
