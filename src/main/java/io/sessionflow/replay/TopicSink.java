package io.sessionflow.replay;

import io.sessionflow.kafka.TopicWriter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Re-publishes each record unchanged: same key (so the same per-session partitioning and order), same headers,
 * same value and same timestamp (so the target can itself be replayed by time). Idempotent, acks=all.
 */
final class TopicSink implements ReplaySink {
    private final TopicWriter writer;

    TopicSink(String bootstrap, String topic) {
        this.writer = new TopicWriter(bootstrap, topic);
    }

    @Override
    public void write(ReplayRecord replayed) {
        ConsumerRecord<String, byte[]> record = replayed.record();
        writer.send(new ProducerRecord<>(writer.topic(), null, record.timestamp(), record.key(), record.value(),
                record.headers()));
    }

    @Override
    public void close() {
        writer.close();
    }
}
