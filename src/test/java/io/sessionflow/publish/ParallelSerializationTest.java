package io.sessionflow.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.state.StateRecords;
import io.sessionflow.testing.DatabindReference;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.Transitions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A batch large enough to be serialized on several threads gives the records writing them one by one gave:
 * same topics, keys, headers and bytes, in the same order, and on Kafka each session's events in order.
 */
class ParallelSerializationTest {
    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(30);
    private final String prefix = "par" + UUID.randomUUID().toString().substring(0, 8);
    private final Topics topics = Topics.prefixed(prefix);

    @Test
    void recordsAreTheOneByOneRecordsInTheSameOrder() {
        PollBatch batch = batch(50 * InOrder.PARALLEL_FROM);

        List<ProducerRecord<String, byte[]>> records = new BatchRecords(topics).of(batch, INTERVAL);

        assertThat(records.stream().map(ParallelSerializationTest::describe).toList())
                .containsExactlyElementsOf(oneByOne(batch));
    }

    @Test
    void publishedEventsOfEachSessionArriveInBatchOrderWithTheMappersBytes() {
        TopicSetup.ensure(SharedKafka.bootstrapServers(), io.sessionflow.kafka.TopicPlan.of(topics,
                io.sessionflow.config.Settings.from(Map.of(), new java.util.Properties(), Map.of())));
        PollBatch batch = batch(4 * InOrder.PARALLEL_FROM);
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

        java.util.Properties client = new java.util.Properties();
        client.put("bootstrap.servers", SharedKafka.bootstrapServers());
        try (TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                TransactionalPublisher.kafkaProducers(client, prefix))) {
            publisher.publish(batch, tracker, INTERVAL);
        }

        List<ConsumerRecord<String, byte[]>> read;
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.events())) {
            read = reader.awaitCount(batch.events().size(), Duration.ofSeconds(30));
        }
        Map<String, List<String>> expected = batch.events().stream().collect(Collectors.groupingBy(
                SessionEvent::kafkaKey, LinkedHashMap::new,
                Collectors.mapping(e -> text(mapperBytes(e)), Collectors.toList())));
        Map<String, List<String>> actual = read.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                LinkedHashMap::new, Collectors.mapping(r -> text(r.value()), Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
        assertThat(tracker.known().get("webinar:7")).isEqualTo(batch.transitions().changes().get("webinar:7"));
    }

    /** Several events per session, so per-key order is something that could go wrong. */
    private static PollBatch batch(int events) {
        List<SessionEvent> list = new ArrayList<>();
        Map<String, KnownSession> changes = new LinkedHashMap<>();
        EventType[] steps = {EventType.SESSION_SCHEDULED, EventType.SESSION_STARTED, EventType.PARTICIPANT_JOINED,
            EventType.SESSION_ENDED};
        for (int i = 0; i < events; i++) {
            String session = String.valueOf(i / steps.length);
            EventType type = steps[i % steps.length];
            SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, session)
                    .status(type.resultingStatus())
                    .title("Вебинар " + i)
                    .startedAt(T.plusSeconds(i))
                    .attribute("n", (long) i)
                    .owner(new Person("274", "Yuri", null, null, null))
                    .build();
            list.add(SessionEvent.of("id-" + i, "sessionflow/webinar/1", type, T.plusSeconds(i), data));
            changes.put(
                    "webinar:" + session,
                    new KnownSession(
                            "1",
                            "sessionflow/webinar/1",
                            List.of(EventType.SESSION_SCHEDULED),
                            "fp" + i,
                            java.util.Set.of("v" + i),
                            java.util.Set.of(),
                            data));
        }
        return new PollBatch(
                SourceAccount.defaultOf(WebinarModule.SYSTEM), List.of(), new Transitions(list, changes), List.of(), T);
    }

    /** What the batch was before serialization went parallel: each record written in turn by the mapper. */
    private List<String> oneByOne(PollBatch batch) {
        List<String> out = new ArrayList<>();
        for (SessionEvent e : batch.events()) {
            out.add(topics.events() + " " + e.kafkaKey() + " content-type=application/cloudevents+json"
                    + " sessionflow-system=webinar " + text(mapperBytes(e)));
        }
        batch.transitions().changes().forEach((key, known) ->
                out.add(topics.state() + " session:" + key + " " + text(mapperBytes(known))));
        out.add(topics.state() + " cursor:webinar " + text(mapperBytes(new StateRecords.Cursor(
                WebinarModule.SYSTEM, null, T))));
        out.add(topics.watermarks() + " webinar content-type=application/json sessionflow-system=webinar "
                + text(mapperBytes(new io.sessionflow.publish.WatermarkRecord("webinar", null, T, 30))));
        return out;
    }

    private static String describe(ProducerRecord<String, byte[]> r) {
        StringBuilder s = new StringBuilder(r.topic()).append(' ').append(r.key());
        for (Header h : r.headers()) {
            s.append(' ').append(h.key()).append('=').append(text(h.value()));
        }
        return s.append(' ').append(text(r.value())).toString();
    }

    private static byte[] mapperBytes(Object value) {
        return value instanceof StateRecords.Cursor ? EventJson.toBytes(value) : DatabindReference.bytes(value);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
