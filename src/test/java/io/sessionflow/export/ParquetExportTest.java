package io.sessionflow.export;

import io.sessionflow.source.tradernet.TradernetModule;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Parent;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SessionStatus;
import io.sessionflow.event.SystemId;
import io.sessionflow.replay.ReplayCommand;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.replay.TestEvents.Published;
import io.sessionflow.testing.ParquetRows;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * replay --format parquet and export sessions as an analyst runs them, against the real broker; each file is read
 * back with parquet-java (not DuckDB, which wrote it) and compared with the records on the topic.
 */
class ParquetExportTest {
    private static final Instant FROM = Instant.parse("2026-11-20T09:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-20T10:00:00Z");
    private static final Person ANNA = new Person("3209", "Anna Petrova", "anna@example.org", null, "GUEST");
    private static final Person IVAN = new Person(null, "Ivan", "ivan@example.org", null, null);
    private final Instant t = FROM.plusSeconds(60);
    private final List<Published> published = new ArrayList<>();

    @Test
    void replayedEventsAreParquetRowsWithTypedColumnsAndThePublishedJson(@TempDir Path dir) {
        String topic = publishScenario();
        Path out = dir.resolve("events.parquet");

        runWith(topic, () -> run(new ReplayCommand(), new String[] {"--from", FROM.toString(), "--to", TO.toString(),
            "--format", "parquet", "--out", out.toString()}));

        ParquetRows file = ParquetRows.read(out);
        List<ConsumerRecord<String, byte[]>> onTopic = inRange(topic);
        assertThat(file.rows()).hasSize(onTopic.size()).hasSize(published.size() - 1);
        for (int i = 0; i < onTopic.size(); i++) {
            ConsumerRecord<String, byte[]> record = onTopic.get(i);
            SessionEvent e = EventJson.parse(record.value());
            SessionData d = e.data();
            Map<String, Object> row = file.rows().get(i);
            assertThat(row).as("row %d", i).contains(
                    entry("record_timestamp", Instant.ofEpochMilli(record.timestamp())),
                    entry("partition", record.partition()), entry("offset", record.offset()),
                    entry("id", e.id()), entry("source", e.source()), entry("type", e.type().type()),
                    entry("subject", e.subject()), entry("time", e.time()), entry("system", d.system().id()),
                    entry("account", accountOf(record)), entry("session_id", d.sessionId()),
                    entry("kind", d.kind().value()), entry("status", d.status().value()), entry("title", d.title()),
                    entry("scheduled_start", d.scheduledStart()), entry("started_at", d.startedAt()),
                    entry("ended_at", d.endedAt()), entry("duration_seconds", d.durationSeconds()),
                    entry("owner_id", d.owner() == null ? null : d.owner().id()),
                    entry("participant_id", d.participant() == null ? null : d.participant().id()),
                    entry("participant_email", d.participant() == null ? null : d.participant().email()),
                    entry("parent_id", d.parent() == null ? null : d.parent().id()),
                    entry("inferred", d.inferred()), entry("recovered", d.recovered()),
                    entry("event", new String(record.value(), StandardCharsets.UTF_8)));
        }
        assertThat(file.rows()).extracting(r -> r.get("account")).contains("acme", "default");
        assertThat(file.logicalType("record_timestamp")).isEqualTo("TIMESTAMP(MICROS,true)");
        assertThat(file.logicalType("time")).isEqualTo("TIMESTAMP(MICROS,true)");
        assertThat(file.logicalType("title")).isEqualTo("STRING");
        assertThat(file.logicalType("event")).isEqualTo("JSON");
        assertThat(file.logicalType("offset")).isEqualTo("INTEGER(64,true)");
        assertThat(file.logicalType("partition")).isEqualTo("INTEGER(32,true)");
        assertThat(file.logicalType("inferred")).isEqualTo("BOOLEAN");
    }

    @Test
    void sessionsTableHasOneRowPerSessionFoldedFromItsEventsInTheRange(@TempDir Path dir) {
        String topic = publishScenario();
        Path out = dir.resolve("sessions.parquet");

        runWith(topic, () -> run(new ExportCommand(), new String[] {"sessions", "--from", FROM.toString(), "--to",
            TO.toString(), "--out", out.toString()}));

        List<Map<String, Object>> rows = ParquetRows.read(out).rows();
        assertThat(rows).extracting(r -> r.get("system") + "/" + r.get("account") + ":" + r.get("session_id"))
                .containsExactly("seeit/default:300", "tradernet/default:200", "webinar/acme:100",
                        "webinar/default:100");
        assertThat(rows.get(3)).containsExactly(
                entry("system", "webinar"), entry("account", "default"), entry("session_id", "100"),
                entry("kind", "webinar"), entry("title", "Quarterly results"), entry("parent_type", "event"),
                entry("parent_id", "5387"), entry("owner_id", "274"), entry("owner_name", "Yuri"),
                entry("scheduled_start", t), entry("scheduled_end", t.plusSeconds(3600)),
                entry("started_at", t.plusSeconds(60)), entry("ended_at", t.plusSeconds(1260)),
                entry("duration_seconds", 1200L), entry("participants", 2), entry("last_status", "ended"),
                entry("last_event_type", "sessionflow.session.ended"), entry("last_event_time", t.plusSeconds(1260)),
                entry("events", 7), entry("inferred", true), entry("recovered", false),
                entry("first_published", t), entry("last_published", t.plusSeconds(1260)));
        assertThat(rows.get(2)).as("another account's session of the same id is its own row").contains(
                entry("account", "acme"), entry("title", "Acme kickoff"), entry("events", 1),
                entry("last_status", "scheduled"), entry("started_at", null), entry("participants", 0));
        assertThat(rows.get(1)).as("start and end from the event times; recovered kept").contains(
                entry("kind", "security"), entry("started_at", t.plusSeconds(10)), entry("ended_at", t.plusSeconds(70)),
                entry("duration_seconds", 60L), entry("recovered", true), entry("inferred", false),
                entry("last_status", "ended"));
        assertThat(rows.get(0)).as("its event before --from is not folded in").contains(
                entry("events", 1), entry("last_status", "ended"), entry("started_at", null));
    }

    /** Four sessions over three systems and two accounts; one event published before the range. */
    private String publishScenario() {
        String topic = TestEvents.newTopic(3);
        SessionData webinar = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "100")
                .title("Quarterly results")
                .scheduledStart(t)
                .scheduledEnd(t.plusSeconds(3600))
                .owner(new Person("274", "Yuri", null, null, null))
                .parent(new Parent("event", "5387"))
                .build();
        SessionData started = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "100")
                .title("Quarterly results")
                .scheduledStart(t)
                .scheduledEnd(t.plusSeconds(3600))
                .startedAt(t.plusSeconds(60))
                .owner(new Person("274", "Yuri", null, null, null))
                .parent(new Parent("event", "5387"))
                .build();
        SessionData ended = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "100")
                .title("Quarterly results")
                .scheduledStart(t)
                .scheduledEnd(t.plusSeconds(3600))
                .startedAt(t.plusSeconds(60))
                .endedAt(t.plusSeconds(1260))
                .durationSeconds(1200L)
                .owner(new Person("274", "Yuri", null, null, null))
                .parent(new Parent("event", "5387"))
                .build();
        add(t, EventType.SESSION_SCHEDULED, webinar.withMarks(null, true, false));
        add(t.plusSeconds(60), EventType.SESSION_STARTED, started);
        add(t.plusSeconds(120), EventType.PARTICIPANT_JOINED, started.withMarks(ANNA, false, false));
        add(t.plusSeconds(180), EventType.PARTICIPANT_LEFT, started.withMarks(ANNA, false, false));
        add(t.plusSeconds(240), EventType.PARTICIPANT_JOINED, started.withMarks(ANNA, false, false));
        add(t.plusSeconds(300), EventType.PARTICIPANT_JOINED, started.withMarks(IVAN, false, false));
        add(t.plusSeconds(1260), EventType.SESSION_ENDED, ended);

        SessionData security = SessionData.builder(TradernetModule.SYSTEM, TradernetModule.KIND, "200")
                .title("login")
                .build();
        add(t.plusSeconds(10), EventType.SESSION_STARTED, security);
        add(t.plusSeconds(70), EventType.SESSION_ENDED, security.withMarks(null, false, true));

        SessionData support = SessionData.builder(SeeitModule.SYSTEM, SeeitModule.KIND, "300").build();
        add(FROM.minusSeconds(1), EventType.SESSION_STARTED, support);
        add(t.plusSeconds(5), EventType.SESSION_ENDED, support);

        SessionData acme = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "100")
                .title("Acme kickoff")
                .build();
        ObjectNode value =
                (ObjectNode) tree(EventJson.toBytes(event(t.plusSeconds(30), EventType.SESSION_SCHEDULED, acme)));
        ((ObjectNode) value.get("data")).put("account", "acme");
        value.put("source", "sessionflow/webinar/acme");
        published.add(new Published(t.plusSeconds(30), "webinar/acme:100", "webinar", EventJson.toBytes(value)));

        TestEvents.publishRecords(topic, published);
        return topic;
    }

    /** Participant events happen while the session is started, as in this scenario. */
    private void add(Instant at, EventType type, SessionData data) {
        SessionEvent e = event(at, type, data);
        published.add(new Published(at, e.kafkaKey(), data.system().id(), EventJson.toBytes(e)));
    }

    private static SessionEvent event(Instant at, EventType type, SessionData data) {
        SessionStatus status = type.isLifecycle() ? type.resultingStatus() : SessionStatus.STARTED;
        return SessionEvent.of(EventIds.of(data.system(), data.sessionId(), type, at.toString()),
                "sessionflow/" + data.system().id() + "/1", type, at, data.withStatus(status));
    }

    private List<ConsumerRecord<String, byte[]>> inRange(String topic) {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> all = reader.awaitCount(published.size(), Duration.ofSeconds(30));
            return all.stream().filter(r -> r.timestamp() >= FROM.toEpochMilli() && r.timestamp() < TO.toEpochMilli())
                    .sorted(Comparator.comparingInt((ConsumerRecord<String, byte[]> r) -> r.partition())
                            .thenComparingLong(ConsumerRecord::offset)).toList();
        }
    }

    private static String accountOf(ConsumerRecord<String, byte[]> record) {
        JsonNode account = tree(record.value()).path("data").get("account");
        return account == null ? "default" : account.asText();
    }

    private static JsonNode tree(byte[] json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void runWith(String topic, ThrowingRun command) {
        Map<String, String> settings = Map.of("sessionflow.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "sessionflow.topics.events", topic, "sessionflow.topics.raw", topic + ".raw",
                "sessionflow.topics.dlq", topic + ".dlq", "sessionflow.topics.state", topic + ".state");
        settings.forEach(System::setProperty);
        try {
            command.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
    }

    /** The command as picocli runs it from the command line; it must end well. */
    private static void run(Object command, String[] args) {
        assertThat(new picocli.CommandLine(command).execute(args)).as("exit code").isZero();
    }

    private interface ThrowingRun {
        void run() throws Exception;
    }
}
