package io.sessionflow.verify;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.config.Settings;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.replay.TestEvents.Published;
import io.sessionflow.testing.SharedKafka;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** verify validates every event on the topic against the JSON Schema and fails on any violation. */
class VerifySchemaTest {
    private final Instant t = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void eventsBreakingTheSchemaAreReportedAndFailTheCommand() throws Exception {
        String topic = TestEvents.newTopic(1);
        SessionEvent started = event(WebinarModule.SYSTEM, "1", EventType.SESSION_STARTED, t);
        ObjectNode paused = (ObjectNode) EventJson.mapper().readTree(EventJson.toBytes(
                event(WebinarModule.SYSTEM, "2", EventType.SESSION_STARTED, t)));
        ((ObjectNode) paused.get("data")).put("status", "paused");
        TestEvents.publishRecords(topic, List.of(
                new Published(t, started.kafkaKey(), "webinar", EventJson.toBytes(started)),
                new Published(t, "webinar:2", "webinar", EventJson.toBytes(paused)),
                new Published(t, "webinar:3", "webinar", "not json".getBytes(StandardCharsets.UTF_8))));

        Result result = verify(topic);

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.out()).contains("schema violations 2")
                .contains("0/1 webinar:2: $.data.status: does not have a value in the enumeration")
                .contains("0/2 webinar:3: not JSON").contains("events            1").endsWith("FAILED\n");
    }

    @Test
    void eventsThatKeepTheSchemaPass() {
        String topic = TestEvents.newTopic(1);
        TestEvents.publish(topic, List.of(
                new TestEvents.Timed(t, event(SeeitModule.SYSTEM, "1", EventType.SESSION_STARTED, t)),
                new TestEvents.Timed(t, event(SeeitModule.SYSTEM, "1", EventType.SESSION_ENDED, t.plusSeconds(60)))));

        Result result = verify(topic);

        assertThat(result.out()).contains("schema violations 0").contains("events            2").endsWith("OK\n");
        assertThat(result.exit()).isZero();
    }

    private record Result(int exit, String out) {
    }

    private static Result verify(String topic) {
        Settings settings = Settings.from(Map.of(), new Properties(), Map.of(
                "sessionflow.kafka.bootstrap-servers", SharedKafka.bootstrapServers(),
                "sessionflow.topics.events", topic, "sessionflow.topics.raw", topic + ".raw",
                "sessionflow.topics.dlq", topic + ".dlq", "sessionflow.topics.state", topic + ".state"));
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new VerifyCommand().verify(settings);
            return new Result(exit, captured.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            System.setOut(original);
        }
    }
}
