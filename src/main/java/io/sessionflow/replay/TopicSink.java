package io.sessionflow.replay;

import io.sessionflow.event.SessionEvent;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Re-publishes each record unchanged: same key (so the same per-session partitioning and order), same headers,
 * same value and same timestamp (so the target can itself be replayed by time). Idempotent, acks=all.
 */
final class TopicSink implements ReplaySink {
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    TopicSink(String bootstrap, String topic) {
        this.topic = topic;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void write(ConsumerRecord<String, byte[]> record, SessionEvent event) {
        producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value(),
                record.headers()), (metadata, error) -> {
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
        // a failed send must fail the command, not vanish in a callback
        Exception error = failure.get();
        if (error != null) {
            throw new IllegalStateException("publishing to " + topic + " failed: " + error.getMessage(), error);
        }
    }
}
