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
    /** The shard changes counted, all served from the start: a dashboard or an alert finds every one at 0. */
    static final java.util.List<String> SHARD_CHANGES = java.util.List.of("assigned", "revoked", "lost");
    private final MeterRegistry registry;
    private final java.util.Map<SourceAccount, java.util.concurrent.atomic.AtomicLong> watermarks =
            new java.util.concurrent.ConcurrentHashMap<>();

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        SHARD_CHANGES.forEach(change -> shardChanges(change));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Shards this instance was assigned, or had revoked (handed on gracefully) or lost (dropped out of the group). */
    public void shardsMoved(String change, int count) {
        shardChanges(change).increment(count);
    }

    private Counter shardChanges(String change) {
        return Counter.builder("sessionflow.shard.changes")
                .description("Shards assigned to, revoked from (handed on) or lost by this instance").tag("change", change)
                .register(registry);
    }

    /**
     * An account starts here: its counters are served from 0 (an alert on their increase needs the series), and its
     * watermark gauge starts at this moment, so a watermark that never comes shows as one that stopped.
     */
    public java.util.List<Meter> accountStarted(SourceAccount account, Duration pollInterval,
                                                java.util.function.BooleanSupplier ready, java.time.Instant now) {
        deadLetters(account);
        java.util.List.of(SUCCESS, PARTIAL, FAILURE).forEach(outcome -> pollCounter(account, outcome));
        java.util.concurrent.atomic.AtomicLong watermark = new java.util.concurrent.atomic.AtomicLong(now.toEpochMilli());
        watermarks.put(account, watermark);
        return java.util.List.of(
                Gauge.builder("sessionflow.poll.interval", () -> pollInterval.toMillis() / 1000.0)
                        .description("How often the account's route runs (a poll, or a push feed's expiry check)")
                        .baseUnit("seconds").tags(tags(account)).register(registry),
                Gauge.builder("sessionflow.watermark.timestamp", watermark, w -> w.get() / 1000.0)
                        .description("The account's last committed completeness watermark (every change seen up to it"
                                + " is published), or when the account started on this instance")
                        .baseUnit("seconds").tags(tags(account)).register(registry),
                Gauge.builder("sessionflow.source.ready", () -> ready.getAsBoolean() ? 1 : 0)
                        .description("1 when the account's last poll was fetched and committed, as its readiness check")
                        .tags(tags(account)).register(registry));
    }

    /** Its watermark was committed. */
    void watermark(SourceAccount account, java.time.Instant upTo) {
        java.util.concurrent.atomic.AtomicLong w = watermarks.get(account);
        if (w != null) {
            w.accumulateAndGet(upTo.toEpochMilli(), Math::max);
        }
    }

    void published(SourceAccount account, String eventType, int count) {
        Counter.builder("sessionflow.events.published").description("Events committed to the events topic")
                .tags(tags(account)).tag("type", eventType).register(registry).increment(count);
    }

    void deadLettered(SourceAccount account, int count) {
        deadLetters(account).increment(count);
    }

    private Counter deadLetters(SourceAccount account) {
        return Counter.builder("sessionflow.dead.letters").description("Records committed to the dead-letter topic")
                .tags(tags(account)).register(registry);
    }

    void poll(SourceAccount account, String outcome) {
        pollCounter(account, outcome).increment();
    }

    private Counter pollCounter(SourceAccount account, String outcome) {
        return Counter.builder("sessionflow.polls")
                .description("Polls, by outcome: success and partial (a part failed) committed, failure published "
                        + "nothing")
                .tags(tags(account)).tag("outcome", outcome).register(registry);
    }

    /** Vendor calls (fetches) with their latency, failures and retries, fed by the account's fault policy. */
    public CallObserver vendorCalls(SourceAccount account) {
        // served at 0 from the start, so a rate of retries exists before the first one
        Counter retries = Counter.builder("sessionflow.vendor.retries").description("Vendor requests retried")
                .tags(tags(account)).register(registry);
        return new CallObserver() {
            @Override
            public void attempted(Duration took, boolean succeeded) {
                Timer.builder("sessionflow.vendor.fetch").description("Vendor requests and their latency")
                        .tags(tags(account)).tag("outcome", succeeded ? "success" : "failure")
                        .register(registry).record(took);
            }

            @Override
            public void retrying() {
                retries.increment();
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

    public void forgetWatermark(SourceAccount account) {
        watermarks.remove(account);
    }

    private static io.micrometer.core.instrument.Tags tags(SourceAccount account) {
        return io.micrometer.core.instrument.Tags.of("system", account.system().id(), "account", account.account());
    }
}
