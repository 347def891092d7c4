package io.sessionflow.rederive;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.TopicWriter;
import io.sessionflow.publish.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes re-derived events as the publish route writes live ones (key, value, content-type and system headers),
 * stamped with the poll's fetched-at so the new topic can be replayed by the same time ranges.
 */
final class EventWriter implements AutoCloseable {
    private final TopicWriter writer;

    EventWriter(String bootstrap, String topic) {
        this.writer = new TopicWriter(bootstrap, topic);
    }

    void write(SessionEvent event, Instant polledAt) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(writer.topic(), null, polledAt.toEpochMilli(),
                event.kafkaKey(), EventJson.toBytes(event));
        record.headers().add(HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
        record.headers().add(HeaderNames.SYSTEM, event.data().system().id().getBytes(StandardCharsets.UTF_8));
        writer.send(record);
    }

    @Override
    public void close() {
        writer.close();
    }
}
