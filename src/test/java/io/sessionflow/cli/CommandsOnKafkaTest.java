package io.sessionflow.cli;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.delivery.JavaProcess.Finished;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, findings 1, 2 and 9: the commands that read and copy the events topic, each in a JVM of its own against
 * the shared broker. The topic is written in transactions, one event each, as the pipeline writes it: every
 * event is followed by a transaction marker.
 */
class CommandsOnKafkaTest {
    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");
    private static final List<SessionEvent> EVENTS = List.of(
            event(WebinarModule.SYSTEM, "1", EventType.SESSION_STARTED, T),
            event(WebinarModule.SYSTEM, "1", EventType.SESSION_ENDED, T.plusSeconds(60)),
            event(SeeitModule.SYSTEM, "2", EventType.SESSION_CREATED, T.plusSeconds(120)));
    @TempDir
    static Path dir;
    private static String topic;

    @BeforeAll
    static void eventsInTransactions() {
        topic = TestEvents.newTopic(3);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, topic + "-writer");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.initTransactions();
            for (SessionEvent e : EVENTS) {
                producer.beginTransaction();
                producer.send(
                        new ProducerRecord<>(topic, null, e.time().toEpochMilli(), e.kafkaKey(), EventJson.toBytes(e)));
                producer.commitTransaction();
            }
        }
    }

    private static Finished sessionflow(String... args) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", SharedKafka.bootstrapServers(),
                "SESSIONFLOW_TOPICS_EVENTS", topic, "SESSIONFLOW_TOPICS_RAW", topic + ".raw",
                "SESSIONFLOW_TOPICS_DLQ", topic + ".dlq", "SESSIONFLOW_TOPICS_STATE", topic + ".state",
                "SESSIONFLOW_LOG_FILE", dir.resolve("sessionflow.log").toString()));
        return JavaProcess.sessionflow("kafka-" + args[0], List.of(args), env, 90);
    }

    @Test
    void verifyFailsOnATopicThatDoesNotExistAndDoesNotCreateIt() {
        Finished typo = sessionflow("verify", "--topic", topic + ".typo");

        assertThat(typo.exitCode()).as(typo.output()).isEqualTo(2);
        assertThat(typo.output().strip()).isEqualTo("verify: topic '" + topic + ".typo' does not exist at "
                + SharedKafka.bootstrapServers());
        assertThat(KafkaTopics.describe(SharedKafka.bootstrapServers(), topic + ".typo")).isNull();
    }

    @Test
    void replayToATopicRefusesToAddToRecordsUnlessAppendIsGiven() {
        String copy = topic + ".copy";
        assertThat(sessionflow("replay", "--to-topic", copy).exitCode()).isZero();

        Finished again = sessionflow("replay", "--to-topic", copy);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.output().strip()).startsWith("replay: --to-topic " + copy + " already holds records")
                .endsWith("add --append to write after them");

        assertThat(sessionflow("replay", "--to-topic", copy, "--append").exitCode()).isZero();
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), copy)) {
            assertThat(reader.awaitCount(2 * EVENTS.size(), Duration.ofSeconds(30))).hasSize(2 * EVENTS.size());
        }
    }

    @Test
    void verifyListsMissingTransitionsReadablyAndTakesShortTypes() throws Exception {
        Path expected = dir.resolve("expected.jsonl");
        Files.writeString(expected, """
                {"key":"webinar:1","type":"session.started"}
                {"key":"webinar:1","type":"sessionflow.session.ended"}
                {"key":"seeit:2","type":"session.created"}
                """);
        Finished ok = sessionflow("verify", "--expected", expected.toString());
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("missing           0").endsWith("OK" + System.lineSeparator());

        Files.writeString(expected, """
                {"key":"webinar:1","type":"session.started"}
                {"key":"webinar:3","type":"participant.joined","participant":"274"}
                """);
        Finished failed = sessionflow("verify", "--expected", expected.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.output())
                .contains("missing           1\n                  webinar:3 participant.joined (participant 274)\n")
                .contains("unexpected        2\n")
                .contains("                  webinar:1 session.ended\n")
                .doesNotContain("ExpectedTransition[");

        Files.writeString(expected, "{\"key\":\"webinar:1\",\"type\":\"session.begun\"}\n");
        Finished typo = sessionflow("verify", "--expected", expected.toString());
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.output()).contains(expected + " line 1: unknown event type 'session.begun'");
    }

    @Test
    void progressCountsRecordsNotTransactionMarkersAndEndsAtOneHundredPercent() {
        Finished replay = sessionflow("replay", "--out", dir.resolve("all.jsonl").toString());

        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(replay.output()).contains("replay: " + 2 * EVENTS.size() + " offsets to read")
                .containsPattern("replay: " + EVENTS.size() + " records \\(100%\\)")
                .contains("replay: " + EVENTS.size() + " events from")
                .as("no log lines, Kafka's closing warnings included").doesNotContain("WARN").doesNotContain("INFO");
    }
}
