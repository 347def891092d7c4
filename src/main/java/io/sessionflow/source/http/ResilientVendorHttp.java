package io.sessionflow.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared fault policy around one vendor: a request rate limit, retries with exponential backoff and
 * jitter on 5xx and network errors, {@code Retry-After} on 429 (no request before that time, for any call to
 * this vendor), and a circuit breaker that stops hammering a failing vendor. Other 4xx are not retried.
 * It only ever sleeps in the calling source's thread, so one failing vendor never stalls another.
 */
public final class ResilientVendorHttp implements VendorHttp {
    private static final Logger LOG = LoggerFactory.getLogger(ResilientVendorHttp.class);
    private final String system;
    private final VendorHttp delegate;
    private final FaultPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final CircuitBreaker breaker;
    private Instant notBefore = Instant.MIN;
    private Instant lastRequest = Instant.MIN;

    public ResilientVendorHttp(String system, VendorHttp delegate, FaultPolicy policy, Clock clock, Sleeper sleeper,
                               RandomGenerator random) {
        this.system = system;
        this.delegate = delegate;
        this.policy = policy;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
        this.breaker = new CircuitBreaker(policy.breakerFailures(), policy.breakerOpen(), clock);
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    @Override
    public String endpointOf(HttpCall call) {
        return delegate.endpointOf(call);
    }

    @Override
    public HttpReply send(HttpCall call) {
        for (int attempt = 0; ; attempt++) {
            awaitPermission(call);
            try {
                HttpReply reply = delegate.send(call);
                breaker.success();
                return reply;
            } catch (VendorCallException e) {
                Duration wait = onFailure(e, attempt);
                if (wait == null || attempt >= policy.retries()) {
                    throw e;
                }
                LOG.warn("{} {} failed ({}); retry {} of {} in {} ms", system, call.describe(),
                        e.status() == 0 ? "network" : "HTTP " + e.status(), attempt + 1, policy.retries(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** @return how long to wait before retrying, or null when this failure is not worth a retry */
    private Duration onFailure(VendorCallException e, int attempt) {
        Instant now = clock.instant();
        if (e.status() == 429) {
            Instant until = RetryAfter.parse(e.retryAfter(), now).orElse(now.plus(policy.backoffInitial()));
            synchronized (this) {
                notBefore = until.isAfter(notBefore) ? until : notBefore;
            }
            return Duration.ZERO; // awaitPermission waits for notBefore, or refuses if that is too far away
        }
        if (e.status() == 0 || e.status() >= 500) {
            breaker.failure();
            return breaker.state() == CircuitBreaker.State.OPEN ? null : policy.backoff(attempt, random);
        }
        return null;
    }

    private void awaitPermission(HttpCall call) {
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
                        + "; " + call.describe() + " not sent", 429, null, null);
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
