package io.sessionflow.publish;

import java.util.List;
import java.util.function.Function;

/**
 * Maps a batch's values on all cores and returns the results in the values' order. Serializing a poll's events
 * and state records was most of publishing and ran on the poll's one thread; Kafka needs the order only per key,
 * but keeping the whole order keeps the batch exactly what writing it one by one gave.
 */
final class InOrder {
    /** Below this, splitting the work costs more than it saves (a Tradernet feed message has a few events). */
    static final int PARALLEL_FROM = 256;

    private InOrder() {
    }

    static <T, R> List<R> map(List<T> values, Function<T, R> f) {
        if (values.size() < PARALLEL_FROM) {
            return values.stream().map(f).toList();
        }
        // an ordered parallel stream: split over the common pool and the caller, joined in encounter order
        return values.parallelStream().map(f).toList();
    }
}
