package io.sessionflow.source.http;

import io.sessionflow.config.Settings;
import java.time.Duration;

/** The one policy for vendor faults, the same for every source; each source gets its own instance of it. */
public record FaultPolicy(int retries, Duration backoffInitial, Duration backoffMax, Duration retryAfterMax,
                          int breakerFailures, Duration breakerOpen, double requestsPerSecond) {

    public static FaultPolicy from(Settings s) {
        return new FaultPolicy(s.integer("sessionflow.http.retries"), s.duration("sessionflow.http.backoff-initial"),
                s.duration("sessionflow.http.backoff-max"), s.duration("sessionflow.http.retry-after-max"),
                s.integer("sessionflow.http.breaker-failures"), s.duration("sessionflow.http.breaker-open"),
                Double.parseDouble(s.string("sessionflow.http.requests-per-second")));
    }

    public Backoff backoff() {
        return new Backoff(backoffInitial, backoffMax);
    }
}
