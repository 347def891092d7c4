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
 * offset order, which makes the order stable and the reading streaming: the partition being written and the next
 * few are fetched at once, each by a {@link PartitionFetcher} of its own, with a bounded wait ahead.
 *
 * <p>Each partition is read from {@code offsetsForTimes(from)} (the first record with timestamp >= from) up to
 * {@code offsetsForTimes(to)}, or the end of the log as it was when reading started, so a replay of a live topic
 * ends. Records are read_committed: aborted transactions never appear. The seek relies on timestamps that do not
 * go backwards within a partition, which holds for the pipeline's single producer (CreateTime) and for topics with
 * LogAppendTime; records in between are still checked against the range one by one. Fetch sizes: see
 * {@link BulkReadSettings}.
 */
public final class TopicRangeReader {
    /** Partitions fetched at once: the one being written and those next in turn. */
    static final int FETCHED_AT_ONCE = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final String bootstrap;
    private final int recordsPerFetch;

    public TopicRangeReader(String bootstrap) {
        this(bootstrap, BulkReadSettings.RECORDS_PER_POLL);
    }

    /** @param recordsPerFetch records a fetcher polls at a time; small in tests, to meet the wait-ahead bound */
    TopicRangeReader(String bootstrap, int recordsPerFetch) {
        this.bootstrap = bootstrap;
        this.recordsPerFetch = recordsPerFetch;
    }

    public void read(String topic, TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<TopicPartition, Long> start;
        Map<TopicPartition, Long> stop;
        List<TopicPartition> partitions;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            consumer.assign(partitions);
            start = offsetsAt(consumer, partitions, range.from().toEpochMilli());
            stop = offsetsAt(consumer, partitions, range.to().toEpochMilli());
        }
        progress.begin(partitions.stream().mapToLong(p -> Math.max(0, stop.get(p) - start.get(p))).sum());
        List<TopicPartition> toRead = partitions.stream().filter(p -> start.get(p) < stop.get(p)).toList();
        Map<TopicPartition, PartitionFetcher> fetchers = new HashMap<>();
        try {
            Writing writing = new Writing(range, progress, sink);
            for (int i = 0; i < toRead.size(); i++) {
                for (TopicPartition ahead : toRead.subList(i, Math.min(toRead.size(), i + FETCHED_AT_ONCE))) {
                    fetchers.computeIfAbsent(ahead, p -> new PartitionFetcher(props(), p, start.get(p), stop.get(p)));
                }
                TopicPartition partition = toRead.get(i);
                try (PartitionFetcher fetcher = fetchers.remove(partition)) {
                    writing.partition(fetcher, start.get(partition), stop.get(partition));
                }
            }
        } finally {
            fetchers.values().forEach(PartitionFetcher::close);
        }
        progress.end();
    }

    /** One replay's writing of its partitions' records, in partition order. */
    private record Writing(TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {

        void partition(PartitionFetcher fetcher, long from, long until) {
            long next = from;
            while (next < until) {
                PartitionFetcher.Chunk chunk = fetcher.next();
                for (ConsumerRecord<String, byte[]> record : chunk.records()) {
                    next = write(record, next, until);
                }
                // transaction markers and compacted gaps occupy offsets without records: the position tells
                next = skipped(next, Math.min(until, chunk.position()));
            }
        }

        /** @return the offset after {@code record}, or {@code until} once a record is past the range's end */
        private long write(ConsumerRecord<String, byte[]> record, long next, long until) {
            if (next >= until || record.offset() >= until) {
                return skipped(next, until);
            }
            if (range.contains(record.timestamp())) {
                sink.accept(record);
            }
            progress.advance(record.offset() + 1 - next, 1);
            return record.offset() + 1;
        }

        /** Offsets passed without a record (markers, gaps) count for the fraction, not as records. */
        private long skipped(long next, long position) {
            if (position > next) {
                progress.advance(position - next, 0);
                return position;
            }
            return next;
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
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(recordsPerFetch));
        return p;
    }
}
