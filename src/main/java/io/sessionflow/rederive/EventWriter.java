package io.sessionflow.rederive;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.publish.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes re-derived events as the publish route writes live ones (key, value, content-type and system headers),
 * stamped with the poll's fetched-at so the new topic can be replayed by the same time ranges.
 */
final class EventWriter implements AutoCloseable {
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    EventWriter(String bootstrap, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    void write(SessionEvent event, Instant polledAt) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, polledAt.toEpochMilli(),
                event.kafkaKey(), EventJson.toBytes(event));
        record.headers().add(HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
        record.headers().add(HeaderNames.SYSTEM, event.data().system().id().getBytes(StandardCharsets.UTF_8));
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
    }

    @Override
    public void close() {
        try {
            producer.flush();
        } finally {
            producer.close();
        }
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + error.getMessage(), error);
        }
    }
}
