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
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the records of one topic whose timestamps fall in a {@link TimeRange}, partition by partition in
 * offset order, which makes the order stable and the reading streaming: all partitions are fetched at once, and
 * what arrives for later ones waits in a bounded {@link LookAhead}.
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
    private final int lookAhead;

    public TopicRangeReader(String bootstrap) {
        this(bootstrap, LookAhead.RECORDS_PER_PARTITION);
    }

    /** @param lookAhead records kept per waiting partition; small in tests, to read past the bound quickly */
    TopicRangeReader(String bootstrap, int lookAhead) {
        this.bootstrap = bootstrap;
        this.lookAhead = lookAhead;
    }

    public void read(String topic, TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            // all assigned once: re-assigning would drop the read_committed end offsets
            consumer.assign(partitions);
            Map<TopicPartition, Long> start = offsetsAt(consumer, partitions, range.from().toEpochMilli());
            Map<TopicPartition, Long> stop = offsetsAt(consumer, partitions, range.to().toEpochMilli());
            progress.begin(partitions.stream().mapToLong(p -> Math.max(0, stop.get(p) - start.get(p))).sum());
            partitions.forEach(p -> consumer.seek(p, start.get(p)));
            List<TopicPartition> toRead = partitions.stream().filter(p -> start.get(p) < stop.get(p)).toList();
            consumer.pause(partitions);
            // every partition to read is fetched from the start; the later ones wait in the look-ahead
            consumer.resume(toRead);
            Reading reading = new Reading(consumer, stop, range, progress, sink, new LookAhead(lookAhead));
            for (TopicPartition partition : toRead) {
                reading.partition(partition, start.get(partition));
            }
            progress.end();
        }
    }

    /** One replay's pass over its partitions, in partition order. */
    private static final class Reading {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Map<TopicPartition, Long> stop;
        private final TimeRange range;
        private final Progress progress;
        private final Consumer<ConsumerRecord<String, byte[]>> sink;
        private final LookAhead ahead;

        Reading(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> stop, TimeRange range,
                Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink, LookAhead ahead) {
            this.consumer = consumer;
            this.stop = stop;
            this.range = range;
            this.progress = progress;
            this.sink = sink;
            this.ahead = ahead;
        }

        void partition(TopicPartition partition, long from) {
            long until = stop.get(partition);
            consumer.resume(List.of(partition)); // it may have been paused with a full look-ahead
            long next = from;
            for (ConsumerRecord<String, byte[]> record : ahead.take(partition)) {
                next = write(record, next, until);
            }
            // every record polled for it was kept, so its position is right after them (and any markers)
            next = skipped(next, Math.min(until, consumer.position(partition, TIMEOUT)));
            while (next < until) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(POLL);
                for (TopicPartition other : polled.partitions()) {
                    if (!other.equals(partition)) {
                        ahead.keep(other, polled.records(other));
                    }
                }
                pauseWaiting(partition);
                for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                    next = write(record, next, until);
                }
                // transaction markers and compacted gaps occupy offsets without records: the position tells
                next = skipped(next, Math.min(until, consumer.position(partition, TIMEOUT)));
            }
            consumer.pause(List.of(partition));
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

        /** Later partitions stop fetching when their look-ahead is full or they have reached their end. */
        private void pauseWaiting(TopicPartition current) {
            for (TopicPartition p : consumer.assignment()) {
                if (!p.equals(current) && !consumer.paused().contains(p)
                        && (ahead.isFull(p) || consumer.position(p, TIMEOUT) >= stop.get(p))) {
                    consumer.pause(List.of(p));
                }
            }
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
