package io.sessionflow.bench;

import io.sessionflow.app.SessionflowApp;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.BenchFeed;
import io.sessionflow.source.FeedLatency;
import io.sessionflow.source.FeedSource;
import io.sessionflow.source.SourceModule;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;

/**
 * Feed latency: the real app (Camel Main, YAML routes) subscribed to a push module's simulated feed, its session
 * changed at a steady rate, each change one feed message. The account's own {@link FeedLatency} measures from a
 * message's arrival to Kafka's acknowledgement of the transaction carrying it (acks=all; the messages that queued up
 * behind one transaction share the next).
 */
final class FeedLatencyStage {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final BenchKafka kafka;
    private final SourceModule module;

    /** @param transactions Kafka transactions that carried the measured messages (group commit: fewer than sent) */
    record Result(String vendor, int messagesPerSecond, int sent, int measured, double p50, double p99, double p999,
                  double achievedPerSecond, long transactions) {
    }

    FeedLatencyStage(BenchKafka kafka, SourceModule module) {
        this.kafka = kafka;
        this.module = module;
    }

    Result run(int messagesPerSecond, Duration length) throws Exception {
        Topics topics = kafka.freshTopics("latency");
        try (BenchFeed feed = module.benchFeed().orElseThrow().start();
             SessionflowApp app = SessionflowApp.create(settings(topics, feed), Clock.systemUTC()).start()) {
            await(feed::subscribed, "the pipeline did not subscribe to the feed");
            FeedSource source = app.source(SourceAccount.defaultOf(module.system()), FeedSource.class).orElseThrow();
            FeedLatency latency = source.latency();
            // warm-up at a tenth of the rate, not measured: JIT, producer, first transactions
            send(feed, Math.max(1, messagesPerSecond / 10), Duration.ofSeconds(2));
            awaitQuiet(latency);
            latency.clear();
            long transactionsBefore = source.feedTransactions();
            int count = (int) (messagesPerSecond * length.toMillis() / 1000);
            long start = System.nanoTime();
            send(feed, messagesPerSecond, length);
            awaitQuiet(latency);
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Result(module.title(), messagesPerSecond, count, latency.count(),
                    latency.percentileMicros(50) / 1000.0, latency.percentileMicros(99) / 1000.0,
                    latency.percentileMicros(99.9) / 1000.0, latency.count() / seconds,
                    source.feedTransactions() - transactionsBefore);
        }
    }

    /** One change (one feed message) every 1/rate seconds, on a fixed schedule so a slow consumer cannot slow it. */
    private static void send(BenchFeed feed, int perSecond, Duration length) {
        long period = 1_000_000_000L / perSecond;
        long start = System.nanoTime();
        long count = perSecond * length.toMillis() / 1000;
        for (long i = 0; i < count; i++) {
            long wait = start + i * period - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            feed.change();
        }
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

    private static void await(java.util.function.BooleanSupplier condition, String failure)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(50);
        }
    }

    private Settings settings(Topics topics, BenchFeed feed) {
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
        s.putAll(feed.settings());
        return Settings.from(Map.of(), new Properties(), s);
    }
}
