package io.sessionflow.source.tradernet;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the wait doubles per failed attempt up to a ceiling, and half of it
 * is random so many clients dropped at once do not reconnect in lockstep. Reset by the receiving thread.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;
    private int failures;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max.compareTo(initial) < 0 ? initial : max;
        this.random = random;
    }

    public synchronized Duration next() {
        long ceiling = max.toMillis();
        long base = Math.min(ceiling, initial.toMillis() << Math.min(failures, 30));
        failures++;
        long half = base / 2;
        return Duration.ofMillis(half + (long) (random.getAsDouble() * (base - half)));
    }

    public synchronized void reset() {
        failures = 0;
    }
}
