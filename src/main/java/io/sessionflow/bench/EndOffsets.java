package io.sessionflow.bench;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records a topic holds: the sum of its partitions' end offsets (no transaction markers in it). */
final class EndOffsets {
    private EndOffsets() {
    }

    static long sum(String bootstrap, String topic) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrap));
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            return consumer.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
