package io.sessionflow.replay;

import java.time.Duration;

/** Counts done offsets against the total and derives rate and remaining time from the elapsed time. */
final class ProgressMeter {
    private final long startNanos = System.nanoTime();
    private long total;
    private long done;

    void total(long value) {
        total = value;
    }

    void add(long offsets) {
        done += offsets;
    }

    long done() {
        return done;
    }

    long total() {
        return total;
    }

    double fraction() {
        return total == 0 ? 1.0 : Math.min(1.0, (double) done / total);
    }

    double ratePerSecond() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return seconds <= 0 ? 0 : done / seconds;
    }

    String eta() {
        double rate = ratePerSecond();
        if (rate <= 0) {
            return "--:--";
        }
        Duration left = Duration.ofSeconds((long) Math.ceil((total - done) / rate));
        return String.format("%02d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
