package io.sessionflow.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import io.sessionflow.event.EventJson;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.kafka.TopicPlan;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.WatermarkRecord;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.verify.ExpectedTransition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A watermark is never ahead of the events it covers, across SIGKILLs of the pipeline process. A consumer follows
 * docs/consuming.md: on each new watermark it reads the events topic (read_committed) up to the end offsets a
 * read_uncommitted client sees at that moment; by then every transition the simulated vendor showed before the
 * watermark's time must be in hand. The vendor keeps changing; the pipeline is killed three times mid-stream.
 */
class WatermarkDeliveryTest {
    private static final String TOKEN = "watermark-token";
    private final ChangingWorld world = new ChangingWorld();
    /** After each change of the world: every transition a consumer must see from then on. */
    private final List<Shown> shown = java.util.Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final String prefix = "wm" + UUID.randomUUID().toString().substring(0, 8);
    private final Topics topics = Topics.prefixed(prefix);
    private final WebinarSimulator vendor = new WebinarSimulator(world.world, TOKEN);
    private JavaProcess pipeline;
    private int starts;

    private record Shown(Instant since, Map<ExpectedTransition, Long> transitions) {
    }

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        if (pipeline != null && pipeline.isAlive()) {
            pipeline.kill();
        }
        vendor.close();
    }

    @Test
    void aReadCommittedConsumerNeverSeesAWatermarkAheadOfItsEventsAcrossSigkills() throws Exception {
        TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics,
                Settings.from(Map.of(), new Properties(), Map.of())));
        ticker.scheduleAtFixedRate(() -> {
            world.tick(Clock.systemUTC().instant());
            // taken once the change is in the vendor's answers: a poll that starts later sees it
            shown.add(new Shown(Instant.now(), counts(world.expected())));
        }, 0, 250, TimeUnit.MILLISECONDS);
        pipeline = startPipeline();
        try (Checker checker = new Checker()) {
            java.util.Random random = new java.util.Random(16);
            for (int kill = 0; kill < 3; kill++) {
                checker.checkNewWatermarks(3);
                checker.checkFor(Duration.ofMillis(200 + random.nextInt(1500))); // mid-stream, maybe mid-transaction
                pipeline.kill();
                pipeline = startPipeline();
            }
            checker.checkNewWatermarks(5);
            assertThat(checker.violations).isEmpty();
            assertThat(checker.checked).as("watermarks checked, each with transitions behind it").isGreaterThan(10);
            assertThat(checker.eventsRead).as("events read").isGreaterThan(15);
        }
        pipeline.terminate(60);
    }

    private JavaProcess startPipeline() {
        Map<String, String> env = new HashMap<>();
        env.put("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers());
        env.put("SESSIONFLOW_CLUSTER", prefix);
        env.put("SESSIONFLOW_INSTANCE_ID", prefix);
        env.put("SESSIONFLOW_OBSERVE_PORT", "0");
        env.put("SESSIONFLOW_TOPICS_EVENTS", topics.events());
        env.put("SESSIONFLOW_TOPICS_RAW", topics.raw());
        env.put("SESSIONFLOW_TOPICS_DLQ", topics.dlq());
        env.put("SESSIONFLOW_TOPICS_STATE", topics.state());
        env.put("SESSIONFLOW_TOPICS_WATERMARKS", topics.watermarks());
        env.put("SESSIONFLOW_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString());
        env.put("SESSIONFLOW_WEBINAR_BASE_URL", vendor.baseUrl());
        env.put("SESSIONFLOW_WEBINAR_TOKEN", TOKEN);
        env.put("SESSIONFLOW_WEBINAR_POLL_INTERVAL", "300ms");
        return JavaProcess.start(prefix + "-pipeline-" + (++starts), "io.sessionflow.Sessionflow", List.of("run"), env);
    }

    private static Map<ExpectedTransition, Long> counts(List<ExpectedTransition> transitions) {
        return transitions.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    /** What the vendor showed before {@code time}: the transitions of the last change made before it. */
    private Map<ExpectedTransition, Long> shownBefore(Instant time) {
        synchronized (shown) {
            Map<ExpectedTransition, Long> before = Map.of();
            for (Shown s : shown) {
                if (s.since().isBefore(time)) {
                    before = s.transitions();
                }
            }
            return before;
        }
    }

    /** The consumer of docs/consuming.md, checking each new watermark of the account. */
    private final class Checker implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> watermarks = consumer(topics.watermarks());
        private final KafkaConsumer<String, byte[]> events = consumer(topics.events());
        private final Admin admin = Admin.create(KafkaClients.base(SharedKafka.bootstrapServers()));
        private final Map<ExpectedTransition, Long> read = new HashMap<>();
        private final List<String> violations = new ArrayList<>();
        private Instant last = Instant.EPOCH;
        private int checked;
        private int eventsRead;
        private int seen;

        /** Until this pipeline process committed {@code count} watermarks of its own: it is really mid-stream. */
        void checkNewWatermarks(int count) throws Exception {
            int before = seen;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (seen < before + count) {
                assertThat(System.nanoTime()).as("new watermarks: %s", pipeline.output()).isLessThan(deadline);
                checkFor(Duration.ofMillis(300));
            }
        }

        void checkFor(Duration duration) throws Exception {
            long until = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < until) {
                Instant upTo = last;
                for (ConsumerRecord<String, byte[]> r : watermarks.poll(Duration.ofMillis(100))) {
                    WatermarkRecord w = EventJson.mapper().readValue(r.value(), WatermarkRecord.class);
                    assertThat(r.key()).isEqualTo("webinar");
                    upTo = w.upTo().isAfter(upTo) ? w.upTo() : upTo;
                    seen++;
                }
                if (upTo.isAfter(last)) {
                    check(upTo);
                    last = upTo;
                }
            }
        }

        private void check(Instant upTo) throws Exception {
            readEventsToTheEndSeenNow();
            Map<ExpectedTransition, Long> required = shownBefore(upTo);
            required.forEach((t, n) -> {
                if (read.getOrDefault(t, 0L) < n) {
                    violations.add("watermark " + upTo + " is committed, but " + t.text() + " (x" + n
                            + ", shown by the vendor before it) is not readable; read " + read.getOrDefault(t, 0L));
                }
            });
            if (!required.isEmpty()) {
                checked++;
            }
        }

        /** Up to what a read_uncommitted client sees as the end now: every transaction committed so far is below. */
        private void readEventsToTheEndSeenNow() throws Exception {
            Map<TopicPartition, OffsetSpec> latest = events.assignment().stream()
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)).all()
                    .get(30, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (end.entrySet().stream().anyMatch(e -> events.position(e.getKey()) < e.getValue())) {
                assertThat(System.nanoTime()).as("events readable up to %s", end).isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> r : events.poll(Duration.ofMillis(100))) {
                    read.merge(ExpectedTransition.of(EventJson.parse(r.value())), 1L, Long::sum);
                    eventsRead++;
                }
            }
        }

        private KafkaConsumer<String, byte[]> consumer(String topic) {
            Properties p = new Properties();
            p.putAll(KafkaClients.base(SharedKafka.bootstrapServers()));
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            return c;
        }

        @Override
        public void close() throws IOException {
            watermarks.close();
            events.close();
            admin.close();
        }
    }
}
