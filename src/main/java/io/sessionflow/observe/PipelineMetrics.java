package io.sessionflow.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.http.CallObserver;
import io.sessionflow.source.http.CircuitBreaker;
import io.sessionflow.track.KnownSessions;
import java.time.Duration;

/**
 * Sessionflow's own Prometheus meters, next to Camel's route metrics in the one registry that
 * /observe/metrics scrapes. Tags are system ids and event types only: nothing a vendor sends becomes a tag.
 */
public final class PipelineMetrics {
    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void published(SystemId system, String eventType, int count) {
        Counter.builder("sessionflow.events.published").description("Events committed to the events topic")
                .tag("system", system.id()).tag("type", eventType).register(registry).increment(count);
    }

    void deadLettered(SystemId system, int count) {
        Counter.builder("sessionflow.dead.letters").description("Records committed to the dead-letter topic")
                .tag("system", system.id()).register(registry).increment(count);
    }

    void poll(SystemId system, boolean succeeded) {
        Counter.builder("sessionflow.polls").description("Polls, by outcome (a failed poll publishes nothing)")
                .tag("system", system.id()).tag("outcome", succeeded ? "success" : "failure")
                .register(registry).increment();
    }

    /** Vendor calls (fetches) with their latency, failures and retries, fed by the shared fault policy. */
    public CallObserver vendorCalls(String system) {
        return new CallObserver() {
            @Override
            public void attempted(Duration took, boolean succeeded) {
                Timer.builder("sessionflow.vendor.fetch").description("Vendor requests and their latency")
                        .tag("system", system).tag("outcome", succeeded ? "success" : "failure")
                        .register(registry).record(took);
            }

            @Override
            public void retrying() {
                Counter.builder("sessionflow.vendor.retries").description("Vendor requests retried")
                        .tag("system", system).register(registry).increment();
            }
        };
    }

    /** 0 closed, 1 half-open (one trial call allowed), 2 open (calls refused). */
    public void breaker(String system, CircuitBreaker breaker) {
        Gauge.builder("sessionflow.circuit.breaker.state", breaker, b -> b.state().ordinal() == 0 ? 0
                        : b.state() == CircuitBreaker.State.OPEN ? 2 : 1)
                .description("Circuit breaker per vendor: 0 closed, 1 half-open, 2 open")
                .tag("system", system).register(registry);
    }

    public void trackedSessions(SystemId system, KnownSessions known) {
        Gauge.builder("sessionflow.tracked.sessions", known, k -> k.of(system).count())
                .description("Sessions the tracker remembers (published at least once)")
                .tag("system", system.id()).register(registry);
    }
}
