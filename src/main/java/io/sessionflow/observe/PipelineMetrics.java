package io.sessionflow.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.Meter;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.http.CallObserver;
import io.sessionflow.source.http.CircuitBreaker;
import io.sessionflow.track.KnownSessions;
import java.time.Duration;

/**
 * Sessionflow's own Prometheus meters, next to Camel's route metrics in the one registry that
 * /observe/metrics scrapes. Tags are system ids, operator-chosen account ids and event types only: nothing a
 * vendor sends becomes a tag.
 */
public final class PipelineMetrics {
    /** Outcomes of a poll: committed whole, committed while a part of it failed, nothing published. */
    static final String SUCCESS = "success";
    static final String PARTIAL = "partial";
    static final String FAILURE = "failure";
    private final MeterRegistry registry;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void published(SourceAccount account, String eventType, int count) {
        Counter.builder("sessionflow.events.published").description("Events committed to the events topic")
                .tags(tags(account)).tag("type", eventType).register(registry).increment(count);
    }

    void deadLettered(SourceAccount account, int count) {
        Counter.builder("sessionflow.dead.letters").description("Records committed to the dead-letter topic")
                .tags(tags(account)).register(registry).increment(count);
    }

    void poll(SourceAccount account, String outcome) {
        Counter.builder("sessionflow.polls")
                .description("Polls, by outcome: success and partial (a part failed) committed, failure published nothing")
                .tags(tags(account)).tag("outcome", outcome)
                .register(registry).increment();
    }

    /** Vendor calls (fetches) with their latency, failures and retries, fed by the account's fault policy. */
    public CallObserver vendorCalls(SourceAccount account) {
        return new CallObserver() {
            @Override
            public void attempted(Duration took, boolean succeeded) {
                Timer.builder("sessionflow.vendor.fetch").description("Vendor requests and their latency")
                        .tags(tags(account)).tag("outcome", succeeded ? "success" : "failure")
                        .register(registry).record(took);
            }

            @Override
            public void retrying() {
                Counter.builder("sessionflow.vendor.retries").description("Vendor requests retried")
                        .tags(tags(account)).register(registry).increment();
            }
        };
    }

    /** 0 closed, 1 half-open (trial calls allowed), 2 open (calls refused). */
    public Meter breaker(SourceAccount account, CircuitBreaker breaker) {
        return Gauge.builder("sessionflow.circuit.breaker.state", breaker, b -> b.state().ordinal() == 0 ? 0
                        : b.state() == CircuitBreaker.State.OPEN ? 2 : 1)
                .description("Circuit breaker per vendor account: 0 closed, 1 half-open, 2 open")
                .tags(tags(account)).register(registry);
    }

    public Meter trackedSessions(SourceAccount account, KnownSessions known) {
        return Gauge.builder("sessionflow.tracked.sessions", known, k -> k.of(account.system()).count())
                .description("Sessions the tracker remembers (published at least once)")
                .tags(tags(account)).register(registry);
    }

    /** An account that left this instance leaves its gauges too: another instance reports it now. */
    public void forget(Meter meter) {
        registry.remove(meter);
    }

    private static io.micrometer.core.instrument.Tags tags(SourceAccount account) {
        return io.micrometer.core.instrument.Tags.of("system", account.system().id(), "account", account.account());
    }
}
