package io.sessionflow.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a vendor after {@code threshold} failed calls in a row. Once {@code openFor} has passed it is
 * half-open: calls go through again (nothing limits them to one; a source's calls come one at a time from its
 * poll thread), the first success closes it, the first failure opens it for another {@code openFor}.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private int consecutiveFailures;
    private Instant openedAt;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
    }

    public synchronized State state() {
        if (openedAt == null) {
            return State.CLOSED;
        }
        return clock.instant().isBefore(openedAt.plus(openFor)) ? State.OPEN : State.HALF_OPEN;
    }

    /** @return when calls may be tried again, if the breaker is open now */
    public synchronized Instant openUntil() {
        return state() == State.OPEN ? openedAt.plus(openFor) : null;
    }

    public synchronized void success() {
        consecutiveFailures = 0;
        openedAt = null;
    }

    public synchronized void failure() {
        consecutiveFailures++;
        if (consecutiveFailures >= threshold || state() == State.HALF_OPEN) {
            openedAt = clock.instant();
        }
    }
}
