package io.sessionflow.source.http;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared fault policy around one vendor, whatever the transport: a request rate limit, retries with
 * exponential backoff and jitter on transient faults, the vendor's Retry-After on throttling (no call before
 * that time, for any call to this vendor), and a circuit breaker that stops hammering a failing vendor.
 * It only ever waits in the calling source's thread, so one failing vendor never stalls another.
 */
public final class FaultGuard {
    private static final Logger LOG = LoggerFactory.getLogger(FaultGuard.class);
    private final String system;
    private final FaultPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CircuitBreaker breaker;
    private final CallObserver observer;
    private final VendorSpans spans;
    private Instant notBefore = Instant.MIN;
    private Instant lastRequest = Instant.MIN;

    public FaultGuard(String system, FaultPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this(system, policy, clock, sleeper, random, CallObserver.NONE);
    }

    public FaultGuard(String system, FaultPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random,
                      CallObserver observer) {
        this(system, policy, clock, sleeper, random, observer, VendorSpans.NONE);
    }

    public FaultGuard(String system, FaultPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random,
                      CallObserver observer, VendorSpans spans) {
        this.system = system;
        this.observer = observer;
        this.spans = spans;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.breaker = new CircuitBreaker(policy.breakerFailures(), policy.breakerOpen(), clock);
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    /**
     * @param what     the call, for log lines and errors (never a credential)
     * @param classify how a failure of this transport is treated
     */
    public <T> T call(String what, Supplier<T> call, Function<RuntimeException, VendorFailure> classify) {
        for (int attempt = 0; ; attempt++) {
            awaitPermission(what);
            long started = System.nanoTime();
            Span span = spans.start(system, what, attempt);
            try (Scope scope = span.makeCurrent()) {
                T result = call.get();
                span.end();
                observer.attempted(Duration.ofNanos(System.nanoTime() - started), true);
                breaker.success();
                return result;
            } catch (RuntimeException e) {
                VendorSpans.failed(span, e);
                span.end();
                observer.attempted(Duration.ofNanos(System.nanoTime() - started), false);
                Duration wait = onFailure(classify.apply(e), attempt);
                if (wait == null || attempt >= policy.retries()) {
                    throw e;
                }
                observer.retrying();
                LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", system, what, LogSafe.of(e.getMessage()),
                        attempt + 1, policy.retries(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** @return how long to wait before retrying, or null when this failure is not worth a retry */
    private Duration onFailure(VendorFailure failure, int attempt) {
        Instant now = clock.instant();
        switch (failure.kind()) {
            case THROTTLED -> {
                Instant until = RetryAfter.parse(failure.retryAfter(), now).orElse(now.plus(policy.backoffInitial()));
                synchronized (this) {
                    notBefore = until.isAfter(notBefore) ? until : notBefore;
                }
                return Duration.ZERO; // awaitPermission waits for notBefore, or refuses if that is too far away
            }
            case TRANSIENT -> {
                breaker.failure();
                return breaker.state() == CircuitBreaker.State.OPEN ? null : policy.backoff().delay(attempt, random);
            }
            default -> {
                return null;
            }
        }
    }

    private void awaitPermission(String what) {
        Instant openUntil = breaker.openUntil();
        if (openUntil != null) {
            throw new VendorCallException(system + " circuit breaker is open after repeated failures; no calls until "
                    + openUntil, 0, null, null);
        }
        Instant now = clock.instant();
        Instant gate;
        synchronized (this) {
            gate = notBefore;
        }
        if (now.isBefore(gate)) {
            Duration wait = Duration.between(now, gate);
            if (wait.compareTo(policy.retryAfterMax()) > 0) {
                throw new VendorCallException(system + " asked us (HTTP 429 Retry-After) not to call before " + gate
                        + "; " + what + " not sent", 429, null, null);
            }
            pause(wait);
        }
        pace();
    }

    /** Keeps at most {@code requestsPerSecond} requests per second to this vendor. */
    private synchronized void pace() {
        if (policy.requestsPerSecond() <= 0) {
            return;
        }
        Duration spacing = Duration.ofNanos((long) (1_000_000_000L / policy.requestsPerSecond()));
        Instant next = lastRequest.equals(Instant.MIN) ? Instant.MIN : lastRequest.plus(spacing);
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            pause(Duration.between(now, next));
        }
        lastRequest = clock.instant();
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VendorCallException(system + " call interrupted (shutting down)", 0, null, e);
        }
    }
}
