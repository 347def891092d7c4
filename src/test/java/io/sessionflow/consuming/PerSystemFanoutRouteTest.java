package io.sessionflow.consuming;

import static io.sessionflow.replay.TestEvents.event;
import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.TestEvents.Published;
import io.sessionflow.replay.TestEvents.Timed;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The example operator route routes/examples/per-system-fanout.yaml, loaded from the routes folder by the real
 * app and run against the real broker: each event lands in the topic of its system, key and headers kept.
 */
class PerSystemFanoutRouteTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void copiesEachEventToTheTopicOfItsSystem() {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        try (Pipeline pipeline = Pipeline.start(Map.of("sessionflow.examples.per-system-fanout.enabled", "true"))) {
            String events = pipeline.topics().events();
            TestEvents.createTopic(events + ".webinar", 3);
            TestEvents.createTopic(events + ".seeit", 3);
            TestEvents.publish(events, List.of(
                    new Timed(t, event(WebinarModule.SYSTEM, "6784", EventType.SESSION_STARTED, t)),
                    new Timed(t, event(SeeitModule.SYSTEM, "s-1", EventType.SESSION_STARTED, t)),
                    new Timed(t, event(WebinarModule.SYSTEM, "6784", EventType.SESSION_ENDED, t))));

            try (TopicReader webinar = pipeline.read(events + ".webinar");
                 TopicReader seeit = pipeline.read(events + ".seeit")) {
                List<ConsumerRecord<String, byte[]>> webinarRecords = webinar.awaitCount(2, WAIT);
                List<ConsumerRecord<String, byte[]>> seeitRecords = seeit.awaitCount(1, WAIT);
                // a barrier per session: a later event of the same key is copied after every earlier one
                SessionEvent webinarMarker = event(WebinarModule.SYSTEM, "6784", EventType.SESSION_DELETED, t);
                SessionEvent seeitMarker = event(SeeitModule.SYSTEM, "s-1", EventType.SESSION_DELETED, t);
                TestEvents.publish(events, List.of(new Timed(t, webinarMarker), new Timed(t, seeitMarker)));
                assertThat(copiedBefore(webinar, webinarMarker)).as("each copied once").hasSize(2);
                assertThat(copiedBefore(seeit, seeitMarker)).hasSize(1);

                // EventAssertions.events checks schema, key = <system>:<session> and the content-type header
                assertThat(EventAssertions.events(webinarRecords)).extracting(e -> e.type().type())
                        .containsExactly("sessionflow.session.started", "sessionflow.session.ended");
                assertThat(webinarRecords).extracting(r -> EventAssertions.header(r, "sessionflow-system"))
                        .containsOnly("webinar");
                assertThat(EventAssertions.events(seeitRecords)).extracting(e -> e.data().system())
                        .containsExactly(SeeitModule.SYSTEM);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> copiedBefore(TopicReader topic, SessionEvent marker) {
        List<ConsumerRecord<String, byte[]>> seen = topic.awaitUntil(records -> EventAssertions.events(records).stream()
                .anyMatch(e -> e.id().equals(marker.id())), WAIT);
        List<SessionEvent> copied = EventAssertions.events(seen);
        int barrier = 0;
        while (!copied.get(barrier).id().equals(marker.id())) {
            barrier++;
        }
        return seen.subList(0, barrier);
    }

    @Test
    void aFailedCopyIsTriedAgainNotSkipped() throws Exception {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        try (LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(Map.of("sessionflow.examples.per-system-fanout.enabled", "true"))) {
            String events = pipeline.topics().events();
            String seeitTopic = events + ".seeit";
            TestEvents.createTopic(seeitTopic, 1);
            setMaxMessageBytes(seeitTopic, "64"); // every event is larger: the broker refuses each copy
            SessionEvent refused = event(SeeitModule.SYSTEM, "s-1", EventType.SESSION_STARTED, t);
            TestEvents.publish(events, List.of(new Timed(t, refused)));

            await().atMost(WAIT).until(() -> logs.lines().stream()
                    .anyMatch(l -> l.contains("copy of seeit:s-1 to its system topic failed, tried again")));
            try (TopicReader seeit = pipeline.read(seeitTopic)) {
                // the broker refuses every copy (all events exceed 64 bytes): none can be on the topic
                assertThat(seeit.readToEnd()).as("nothing copied while the broker refuses").isEmpty();
                setMaxMessageBytes(seeitTopic, "1048576");
                List<SessionEvent> copied = EventAssertions.events(seeit.awaitCount(1, WAIT));
                assertThat(copied).extracting(SessionEvent::id).contains(refused.id());
            }
        }
    }

    @Test
    void aSystemNoModuleDeclaresChoosesNoTopicAndNoEndpointOption() throws Exception {
        Instant t = Instant.parse("2026-11-20T09:00:00Z");
        SessionEvent allowed = event(WebinarModule.SYSTEM, "6784", EventType.SESSION_STARTED, t);
        byte[] value = EventJson.toBytes(allowed);
        try (LogCapture logs = new LogCapture();
             Pipeline pipeline = Pipeline.start(Map.of("sessionflow.examples.per-system-fanout.enabled", "true"))) {
            String events = pipeline.topics().events();
            TestEvents.createTopic(events + ".webinar", 1);
            TestEvents.publishRecords(events, List.of(
                    new Published(t, "hostile:1", "webinar?brokers=127.0.0.1:1", value),
                    new Published(t, "unknown:1", "nosuchsystem", value),
                    new Published(t, allowed.kafkaKey(), "webinar", value)));

            await().atMost(WAIT).until(() -> logs.lines().stream()
                    .filter(l -> l.contains("per-system fanout: no module declares system")).count() == 2);
            try (TopicReader webinar = pipeline.read(events + ".webinar")) {
                // both refusals are logged, the allowed copy is there: what is committed now is all there is
                webinar.awaitCount(1, WAIT);
                assertThat(webinar.readToEnd()).extracting(ConsumerRecord::key).containsExactly(allowed.kafkaKey());
            }
            assertThat(topicsStartingWith(events + ".")).containsExactly(events + ".webinar");
        }
    }

    private static List<String> topicsStartingWith(String prefix) throws Exception {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(SharedKafka.bootstrapServers()));
        try (Admin admin = Admin.create(p)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream().filter(n -> n.startsWith(prefix))
                    .sorted().toList();
        }
    }

    private static void setMaxMessageBytes(String topic, String bytes) throws Exception {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(SharedKafka.bootstrapServers()));
        try (Admin admin = Admin.create(p)) {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
        }
    }
}
