package io.sessionflow.source.deskchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.delivery.JavaProcess.Finished;
import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.Topics;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's proof: Deskchat, a vendor written as one package (this one), one route file and one fixtures folder,
 * with no edit anywhere else, goes through every room above the sources: {@code run} (the pipeline with its
 * environment settings), {@code rederive}, {@code demo}, {@code bench --quick} and {@code settings}, the commands
 * each in a JVM of their own as a person runs them.
 */
class DeskchatIsOnePackageTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String API_KEY = "deskchat-test-key";
    @TempDir
    static Path dir;

    @Test
    void runPublishesItsEventsAndRederiveReproducesThemByteForByte() {
        DeskchatWorld world = new DeskchatWorld(0);
        Instant t0 = Instant.now().minusSeconds(600);
        DeskchatWorld.Chat waiting = world.open("Invoice missing", "Pavel", t0);
        DeskchatWorld.Chat answered = world.open("Password reset", "Maria", t0.plusSeconds(60));
        world.answer(answered.id, "olga@example.org", t0.plusSeconds(120));
        Map<String, String> settings = new HashMap<>();
        List<ConsumerRecord<String, byte[]>> live;
        Topics topics;
        try (DeskchatSimulator vendor = new DeskchatSimulator(world, API_KEY)) {
            settings.put("sessionflow.deskchat.base-url", vendor.baseUrl());
            settings.put("sessionflow.deskchat.api-key", API_KEY);
            settings.put("sessionflow.deskchat.poll-interval", "200ms");
            settings.put("sessionflow.deskchat.page-size", "1");
            try (Pipeline pipeline = Pipeline.start(settings);
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(EventAssertions.events(events.awaitCount(4, WAIT))).extracting(SessionEvent::subject,
                        e -> e.type().type()).containsExactlyInAnyOrder(
                        tuple(waiting.id, "sessionflow.session.created"),
                        tuple(answered.id, "sessionflow.session.created"),
                        tuple(answered.id, "sessionflow.session.started"),
                        tuple(answered.id, "sessionflow.participant.joined"));
                world.close(answered.id, Instant.now());
                events.awaitCount(6, WAIT);
                try (CommittedPolls polls = new CommittedPolls(pipeline, DeskchatModule.SYSTEM)) {
                    polls.awaitQuiet(WAIT);
                }
                live = events.readToEnd();
                topics = pipeline.topics();
            }
        }
        assertThat(live).extracting(ConsumerRecord::key).allMatch(k -> k.startsWith("deskchat:"));

        String target = "t" + UUID.randomUUID().toString().substring(0, 8) + ".rederived";
        Finished rederive = JavaProcess.sessionflow("deskchat-rederive", List.of("rederive", "--to-topic", target),
                Map.of("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers(),
                        "SESSIONFLOW_TOPICS_EVENTS", topics.events(),
                        "SESSIONFLOW_TOPICS_RAW", topics.raw(),
                        // the pipeline's cluster, whose accounts topic rederive reads (testing/Pipeline names it)
                        "SESSIONFLOW_CLUSTER", topics.events().substring(0, topics.events().lastIndexOf('.')),
                        "SESSIONFLOW_DESKCHAT_BASE_URL", settings.get("sessionflow.deskchat.base-url"),
                        "SESSIONFLOW_DESKCHAT_API_KEY", API_KEY,
                        "SESSIONFLOW_DESKCHAT_PAGE_SIZE", "1",
                        "SESSIONFLOW_LOG_FILE", dir.resolve("rederive.log").toString()), 120);
        assertThat(rederive.exitCode()).as(rederive.output()).isZero();
        assertThat(rederive.output()).contains("skipped by account: {}");
        try (TopicReader rederived = new TopicReader(SharedKafka.bootstrapServers(), target)) {
            // the command has ended: everything it wrote is committed
            List<ConsumerRecord<String, byte[]>> copy = rederived.readToEnd();
            for (String key : live.stream().map(ConsumerRecord::key).distinct().toList()) {
                assertThat(values(copy, key)).as("events of %s, bytes and order", key)
                        .containsExactlyElementsOf(values(live, key));
            }
            assertThat(copy).hasSameSizeAs(live);
        }
    }

    @Test
    void theDemoRunsItsSimulatorAndPrintsItsEvents() {
        Finished demo = sessionflow("demo", "--duration", "15s");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        assertThat(demo.output()).contains("Deskchat simulator: http://127.0.0.1:");
        assertThat(demo.output().lines()).as(demo.output())
                .anyMatch(l -> l.matches("\\d\\d:\\d\\d:\\d\\d  deskchat\\s+c-\\d+\\s+session\\.created.*"));
    }

    @Test
    void benchQuickMeasuresItsMapping() {
        Finished bench = sessionflow("bench", "--quick", "--bootstrap", SharedKafka.bootstrapServers(), "--out", "-",
                "--only", "mapping");

        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("| 3 mapping + diff | deskchat |");
    }

    @Test
    void settingsListsItsAccountSettings() {
        Finished settings = sessionflow("settings");

        assertThat(settings.exitCode()).as(settings.output()).isZero();
        assertThat(settings.output()).contains(
                "| `SESSIONFLOW_DESKCHAT_BASE_URL` | `sessionflow.deskchat.base-url` | url |",
                "| `SESSIONFLOW_DESKCHAT_API_KEY` | `sessionflow.deskchat.api-key` | secret |",
                "| `SESSIONFLOW_DESKCHAT_POLL_INTERVAL` | `sessionflow.deskchat.poll-interval` | duration | `30s` |",
                "| `SESSIONFLOW_DESKCHAT_PAGE_SIZE` | `sessionflow.deskchat.page-size` | int | `20` |");
    }

    private static Finished sessionflow(String... args) {
        return JavaProcess.sessionflow("deskchat-" + args[0], List.of(args), Map.of(
                "SESSIONFLOW_KAFKA_EMBEDDED_DATA_DIR", dir.resolve("kafka").toString(),
                "SESSIONFLOW_KAFKA_EMBEDDED_PORT", "0",
                "SESSIONFLOW_OBSERVE_PORT", "0",
                "SESSIONFLOW_PRIVACY_IP_HASH_KEY_FILE", dir.resolve("ip-hash.key").toString(),
                "SESSIONFLOW_LOG_FILE", dir.resolve(args[0] + ".log").toString()), 180);
    }

    private static List<String> values(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
