package io.sessionflow.replay;

import java.time.Duration;

/**
 * Counts done offsets against the total (the fraction) and the records among them (what is shown), and derives
 * rate and remaining time from the elapsed time.
 */
final class ProgressMeter {
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;
    private long records;

    void total(long value) {
        total = value;
    }

    void add(long offsets, long recordsAmongThem) {
        done += offsets;
        records += recordsAmongThem;
    }

    long records() {
        return records;
    }

    double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    double ratePerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : records / seconds;
    }

    String eta() {
        double rate = ratePerSecond();
        if (rate <= 0) {
            return "--:--";
        }
        double offsetRate = done / ((System.nanoTime() - startNanos) / 1e9);
        Duration left = Duration.ofSeconds((long) Math.ceil(Math.max(0, total - done) / offsetRate));
        return String.format("%02d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
