package io.sessionflow.replay;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Records fetched for partitions whose turn has not come yet, in offset order. Replay writes partition by
 * partition, but fetching only the current one made every broker round trip bring one partition's records;
 * fetching all and keeping the later ones here gets a bare consumer's batches. Bounded per partition: a
 * partition with this many waiting is paused until its turn (one poll may add up to 5,000 more), so memory stays
 * near 10,000 events (~6 MB) per partition.
 */
final class LookAhead {
    static final int RECORDS_PER_PARTITION = 10_000;
    private final int bound;
    private final Map<TopicPartition, ArrayDeque<ConsumerRecord<String, byte[]>>> waiting = new HashMap<>();

    LookAhead(int recordsPerPartition) {
        this.bound = recordsPerPartition;
    }

    void keep(TopicPartition partition, List<ConsumerRecord<String, byte[]>> records) {
        waiting.computeIfAbsent(partition, p -> new ArrayDeque<>()).addAll(records);
    }

    boolean isFull(TopicPartition partition) {
        ArrayDeque<ConsumerRecord<String, byte[]>> records = waiting.get(partition);
        return records != null && records.size() >= bound;
    }

    /** The records kept for {@code partition}, in offset order, handed over once. */
    ArrayDeque<ConsumerRecord<String, byte[]>> take(TopicPartition partition) {
        ArrayDeque<ConsumerRecord<String, byte[]>> records = waiting.remove(partition);
        return records == null ? new ArrayDeque<>() : records;
    }
}
