package io.sessionflow.bench;

import io.sessionflow.app.SessionflowApp;
import io.sessionflow.config.Settings;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.tradernet.FeedLatency;
import io.sessionflow.source.tradernet.TradernetStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * Feed latency: the real app (Camel Main, YAML routes) subscribed to the simulated Tradernet WebSocket feed,
 * a session prolonged at a steady rate, each change one feed message. The stream's own {@link FeedLatency}
 * measures from a message's arrival to Kafka's acknowledgement of the transaction carrying it (acks=all; the
 * messages that queued up behind one transaction share the next).
 */
final class FeedLatencyStage {
    private static final String LOGIN = "bench@example.org";
    private static final String PASSWORD = "bench-password";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final BenchKafka kafka;

    /** @param transactions Kafka transactions that carried the measured messages (group commit: fewer than sent) */
    record Result(int messagesPerSecond, int sent, int measured, double p50, double p99, double p999,
                  double achievedPerSecond, long transactions) {
    }

    FeedLatencyStage(BenchKafka kafka) {
        this.kafka = kafka;
    }

    Result run(int messagesPerSecond, Duration length) throws Exception {
        TradernetWorld world = new TradernetWorld(Clock.systemUTC());
        Topics topics = kafka.freshTopics("latency");
        try (TradernetSimulator vendor = new TradernetSimulator(world, LOGIN, PASSWORD);
             SessionflowApp app = SessionflowApp.create(settings(topics, vendor), Clock.systemUTC()).start()) {
            TradernetWorld.Session session = world.open(LOGIN, "Login, password", Instant.now(), Duration.ofHours(24),
                    "19.16.32.32");
            await(() -> vendor.feedSubscribers() >= 1, "the pipeline did not subscribe to the feed");
            TradernetStream stream = app.source(io.sessionflow.event.SourceAccount.defaultOf(
                    io.sessionflow.source.tradernet.TradernetModule.SYSTEM), TradernetStream.class).orElseThrow();
            FeedLatency latency = stream.latency();
            Instant expire = session.expire();
            // warm-up at a tenth of the rate, not measured: JIT, producer, first transactions
            expire = send(world, session.id(), expire, Math.max(1, messagesPerSecond / 10), Duration.ofSeconds(2));
            awaitQuiet(latency);
            latency.clear();
            long transactionsBefore = stream.feedTransactions();
            int count = (int) (messagesPerSecond * length.toMillis() / 1000);
            long start = System.nanoTime();
            send(world, session.id(), expire, messagesPerSecond, length);
            awaitQuiet(latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(messagesPerSecond, count, latency.count(), latency.percentileMicros(50) / 1000.0,
                    latency.percentileMicros(99) / 1000.0, latency.percentileMicros(99.9) / 1000.0,
                    latency.count() / seconds, stream.feedTransactions() - transactionsBefore);
        }
    }

    /** One prolong (one feed message) every 1/rate seconds, on a fixed schedule so a slow consumer cannot slow it. */
    private static Instant send(TradernetWorld world, long id, Instant expire, int perSecond, Duration length) {
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long count = perSecond * length.toMillis() / 1000;
        Instant next = expire;
        for (long i = 0; i < count; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            next = next.plusSeconds(60);
            world.prolong(id, next);
        }
        return next;
    }

    /** Until no latency sample arrived for a second (all sent messages published), or the wait ran out. */
    private static void awaitQuiet(FeedLatency latency) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = -1;
        while (latency.count() != last && System.nanoTime() < deadline) {
            last = latency.count();
            Thread.sleep(1000);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
    }

    private Settings settings(Topics topics, TradernetSimulator vendor) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("sessionflow.kafka.bootstrap-servers", kafka.bootstrap());
        s.put("sessionflow.instance-id", "bench-latency-" + Integer.toHexString(topics.events().hashCode()));
        s.put("sessionflow.cluster", "bench-latency-" + Integer.toHexString(topics.events().hashCode()));
        s.put("sessionflow.topics.events", topics.events());
        s.put("sessionflow.topics.raw", topics.raw());
        s.put("sessionflow.topics.dlq", topics.dlq());
        s.put("sessionflow.topics.state", topics.state());
        s.put("sessionflow.topics.watermarks", topics.watermarks());
        s.put("sessionflow.observe.port", "0"); // a benchmark needs no operations server, and 8081 may be taken
        s.put("sessionflow.tradernet.api-url", vendor.apiUrl());
        s.put("sessionflow.tradernet.ws-url", vendor.webSocketUrl());
        s.put("sessionflow.tradernet.transport", "websocket");
        s.put("sessionflow.tradernet.login", LOGIN);
        s.put("sessionflow.tradernet.password", PASSWORD);
        s.put("sessionflow.privacy.ip-hash-key", "bench-ip-hash-key");
        return Settings.from(Map.of(), new Properties(), s);
    }
}
