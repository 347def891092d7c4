package io.sessionflow.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed record of a topic, from its beginning up to the end it has when the read starts: the state
 * restore, the accounts and cluster views, {@code verify}. No consumer group, nothing committed; a missing topic is
 * read as empty and never created, whatever the broker's {@code auto.create.topics.enable} says.
 */
public final class TopicToEnd {
    private TopicToEnd() {
    }

    /**
     * @param client       the Kafka client properties ({@code KafkaConnection.client()})
     * @param metadataWait how long to wait for the topic's partitions
     * @param each         every record, in offset order within a partition
     * @return how many records were read
     */
    public static long read(Properties client, String topic, Duration metadataWait,
                            Consumer<ConsumerRecord<String, byte[]>> each) {
        long[] read = {0};
        try (KafkaConsumer<String, byte[]> consumer = consumer(client)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, metadataWait).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            fromStart(consumer, partitions, records -> records.forEach(r -> {
                each.accept(r);
                read[0]++;
            }));
        }
        return read[0];
    }

    /**
     * Reads the partitions with this consumer from their start up to the end they have now, a poll's records at a
     * time; the consumer stays assigned there, to follow on.
     */
    public static void fromStart(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                 Consumer<Iterable<ConsumerRecord<String, byte[]>>> each) {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        // read_committed positions stop before open transactions, so compare positions, not record counts
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            each.accept(consumer.poll(Duration.ofMillis(200)));
        }
    }

    /** A consumer of committed records only, in no group, that never creates a topic (the accounts follower too). */
    public static KafkaConsumer<String, byte[]> consumer(Properties client) {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        // a reader of everything that falls behind the log's start goes on from the start, never from the end
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
