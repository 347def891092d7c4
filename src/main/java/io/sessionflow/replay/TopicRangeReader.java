package io.sessionflow.replay;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the records of one topic whose timestamps fall in a {@link TimeRange}, partition by partition in
 * offset order, which makes the order stable and the reading streaming (nothing is held in memory).
 *
 * <p>Each partition is read from {@code offsetsForTimes(from)} (the first record with timestamp >= from) up to
 * {@code offsetsForTimes(to)}, or the end of the log as it was when reading started, so a replay of a live topic
 * ends. Records are read_committed: aborted transactions never appear. The seek relies on timestamps that do not
 * go backwards within a partition, which holds for the pipeline's single producer (CreateTime) and for topics with
 * LogAppendTime; records in between are still checked against the range one by one. Fetch sizes: see
 * {@link BulkReadSettings}.
 */
public final class TopicRangeReader {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String bootstrap;

    public TopicRangeReader(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public void read(String topic, TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            // all assigned first and fetched one at a time: re-assigning would drop the read_committed end offsets
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = offsetsAt(consumer, partitions, range.from().toEpochMilli());
            Map<TopicPartition, Long> stop = offsetsAt(consumer, partitions, range.to().toEpochMilli());
            progress.begin(partitions.stream().mapToLong(p -> Math.max(0, stop.get(p) - start.get(p))).sum());
            partitions.forEach(p -> consumer.seek(p, start.get(p)));
            consumer.pause(partitions);
            for (TopicPartition partition : partitions) {
                readPartition(consumer, partition, start.get(partition), stop.get(partition), range, progress, sink);
            }
            progress.end();
        }
    }

    private static void readPartition(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from,
                                      long until, TimeRange range, Progress progress,
                                      Consumer<ConsumerRecord<String, byte[]>> sink) {
        if (from >= until) {
            return;
        }
        consumer.seek(partition, from);
        consumer.resume(List.of(partition));
        try {
            readUntil(consumer, partition, from, until, range, progress, sink);
        } finally {
            consumer.pause(List.of(partition));
        }
    }

    private static void readUntil(KafkaConsumer<String, byte[]> consumer, TopicPartition partition, long from,
                                  long until, TimeRange range, Progress progress,
                                  Consumer<ConsumerRecord<String, byte[]>> sink) {
        long next = from;
        while (next < until) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL).records(partition)) {
                if (record.offset() >= until) {
                    return;
                }
                if (range.contains(record.timestamp())) {
                    sink.accept(record);
                }
                progress.advance(record.offset() + 1 - next);
                next = record.offset() + 1;
            }
            // transaction markers and compacted gaps occupy offsets without records: the position tells
            next = Math.max(next, consumer.position(partition, TIMEOUT));
        }
    }

    /** The first offset at or after {@code millis} per partition; the end of the log when there is none. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<String, byte[]> consumer,
                                                       List<TopicPartition> partitions, long millis) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, millis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
        Map<TopicPartition, Long> out = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndTimestamp hit = found.get(p);
            // never past the end a read_committed consumer can reach (an open transaction would stall us)
            out.put(p, hit == null ? end.get(p) : Math.min(hit.offset(), end.get(p)));
        }
        return out;
    }

    private Properties props() {
        Properties p = BulkReadSettings.of(bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        return p;
    }
}
