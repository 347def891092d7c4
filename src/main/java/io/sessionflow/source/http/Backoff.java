package io.sessionflow.source.http;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The one backoff of every vendor transport (HTTP retries, Tradernet's reconnects): exponential with equal jitter.
 * The step doubles per failed attempt up to {@code max}; half of it is fixed and half random, so many clients that
 * failed at once do not try again in lockstep.
 */
public record Backoff(Duration initial, Duration max) {

    /** @param attempt failed attempts before this one, from 0 */
    public Duration delay(int attempt, RandomGenerator random) {
        long step = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(step / 2 + (long) (random.nextDouble() * (step / 2.0)));
    }
}
