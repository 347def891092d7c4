package io.sessionflow.source.tradernet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Time from a feed message's arrival to Kafka's acknowledgement of the transaction that carries it (its raw
 * payload and its events; queued messages share one), for the docs' latency figure.
 * Keeps the last samples only, so a long run does not grow without bound.
 */
public final class FeedLatency {
    private static final int KEEP = 100_000;
    private final List<Long> micros = new ArrayList<>();

    public synchronized void record(long receivedNanos) {
        if (micros.size() == KEEP) {
            micros.remove(0);
        }
        micros.add((System.nanoTime() - receivedNanos) / 1000);
    }

    public synchronized int count() {
        return micros.size();
    }

    /** The most recent {@code n} samples (fewer if fewer were taken), as a separate measurement. */
    public synchronized FeedLatency last(int n) {
        FeedLatency copy = new FeedLatency();
        copy.micros.addAll(micros.subList(Math.max(0, micros.size() - n), micros.size()));
        return copy;
    }

    public synchronized void clear() {
        micros.clear();
    }

    /** @param p between 0 and 100; microseconds, or -1 when nothing was measured */
    public synchronized long percentileMicros(double p) {
        if (micros.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
