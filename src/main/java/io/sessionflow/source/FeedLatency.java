package io.sessionflow.source;

import java.util.Arrays;

/**
 * Time from a feed message's arrival to Kafka's acknowledgement of the transaction that carries it (its raw
 * payload and its events; queued messages share one), for the docs' latency figure.
 * Keeps the last samples only, in a ring, so a long run neither grows without bound nor pays for dropping the
 * oldest sample on the publishing thread.
 */
public final class FeedLatency {
    private static final int KEEP = 100_000;
    private final long[] micros;
    private long recorded;

    public FeedLatency() {
        this(KEEP);
    }

    FeedLatency(int keep) {
        micros = new long[keep];
    }

    public synchronized void record(long receivedNanos) {
        micros[(int) (recorded % micros.length)] = (System.nanoTime() - receivedNanos) / 1000;
        recorded++;
    }

    public synchronized int count() {
        return (int) Math.min(recorded, micros.length);
    }

    /** The most recent {@code n} samples (fewer if fewer were taken), as a separate measurement. */
    public synchronized FeedLatency last(int n) {
        int take = Math.min(n, count());
        FeedLatency copy = new FeedLatency(Math.max(1, take));
        for (long i = recorded - take; i < recorded; i++) {
            copy.micros[(int) copy.recorded++] = micros[(int) (i % micros.length)];
        }
        return copy;
    }

    public synchronized void clear() {
        recorded = 0;
    }

    /** @param p between 0 and 100; microseconds, or -1 when nothing was measured */
    public synchronized long percentileMicros(double p) {
        int count = count();
        if (count == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(index, count - 1))];
    }
}
