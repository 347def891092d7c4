package io.sessionflow.replay;

import io.sessionflow.event.SessionKind;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SessionStatus;
import io.sessionflow.event.SystemId;
import io.sessionflow.publish.HeaderNames;
import io.sessionflow.testing.SharedKafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Canonical events written straight to a fresh topic with chosen record timestamps, as the pipeline writes them. */
public final class TestEvents {
    private TestEvents() {
    }

    public static String newTopic(int partitions) {
        String topic = "t" + UUID.randomUUID().toString().substring(0, 8) + ".events";
        createTopic(topic, partitions);
        return topic;
    }

    public static void createTopic(String topic, int partitions) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(SharedKafka.bootstrapServers()));
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Five systems, as many as the real modules (the test needs no module). */
    public static final java.util.List<SystemId> SYSTEMS = java.util.stream.Stream.of("storyclm", "ispring", "seeit",
            "webinar", "tradernet").map(SystemId::of).toList();

    public static SessionEvent event(SystemId system, String sessionId, EventType type, Instant time,
                                     Instant startedAt, Instant endedAt) {
        SessionData data = SessionData.builder(system, SessionKind.of("webinar"), sessionId)
                .status(type.resultingStatus())
                .title("Session " + sessionId)
                .startedAt(startedAt)
                .endedAt(endedAt)
                .durationSeconds(
                        startedAt != null && endedAt != null
                                ? endedAt.getEpochSecond() - startedAt.getEpochSecond()
                                : null)
                .build();
        return SessionEvent.of(
                EventIds.of(system, sessionId, type, time.toString()),
                "sessionflow/" + system.id() + "/1",
                type,
                time,
                data);
    }

    public static SessionEvent event(SystemId system, String sessionId, EventType type, Instant time) {
        return event(system, sessionId, type, time, null, null);
    }

    /** Publishes each event with its record timestamp, keyed and with headers as the publish route does. */
    public static void publish(String topic, List<Timed> events) {
        publishRecords(topic, events.stream().map(t -> new Published(t.recordTime(), t.event().kafkaKey(),
                t.event().data().system().id(), EventJson.toBytes(t.event()))).toList());
    }

    /** Publishes values as they are: events the Java model cannot build yet (e.g. of another account). */
    public static void publishRecords(String topic, List<Published> records) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.producer(SharedKafka.bootstrapServers()));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            for (Published t : records) {
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, null, t.recordTime().toEpochMilli(),
                        t.key(), t.value());
                r.headers()
                        .add(HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
                r.headers().add(HeaderNames.SYSTEM, t.system().getBytes(StandardCharsets.UTF_8));
                producer.send(r).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public record Published(Instant recordTime, String key, String system, byte[] value) {
    }

    public record Timed(Instant recordTime, SessionEvent event) {
    }
}
