package io.sessionflow.replay;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the records of one topic whose timestamps fall in a {@link TimeRange}, partition by partition in
 * offset order, which makes the order stable and the reading streaming. Each partition is fetched by a
 * {@link PartitionReader} of its own, up to {@link #READERS} at once, into a bounded {@link PartitionQueue}; the
 * caller's thread writes partition 0's records, then 1's, and so on.
 *
 * <p>Each partition is read from {@code offsetsForTimes(from)} (every record stamped at or after from is at or
 * after it) up to its first record stamped at or after {@code to + LATE_APPEND}, or the end of the log as it was
 * when reading started, so a replay of a live topic ends; every record read is checked against the range. The
 * records decide where reading stops, not {@code offsetsForTimes(to)}: a partition's timestamps go backwards where
 * several producers write to it (the shards of a cluster), and a transaction marker carries the broker's time of
 * the commit, later than its records and than other producers' records appended after it. A record stamped before
 * {@code to} can follow the first offset found for {@code to}, and two consecutive ranges would both miss it.
 * Records are read_committed: aborted transactions never appear. Fetch sizes: see {@link BulkReadSettings}.
 */
public final class TopicRangeReader {
    /** Partitions fetched at once: each holds a connection, a thread and up to a queue's bound of records. */
    static final int READERS = 8;
    /** Records queued per partition: ~6 MB of the pipeline's events. */
    static final int RECORDS_PER_PARTITION = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /**
     * How far after its timestamp a record can reach the log behind later-stamped ones: the pipeline's producers
     * give up on a record 30 s after sending it (delivery timeout), the rest is room for instances' clocks.
     */
    static final Duration LATE_APPEND = Duration.ofMinutes(2);
    private final String bootstrap;
    private final int queued;

    public TopicRangeReader(String bootstrap) {
        this(bootstrap, RECORDS_PER_PARTITION);
    }

    /** @param queued records queued per partition; small in tests, to read past the bound quickly */
    TopicRangeReader(String bootstrap, int queued) {
        this.bootstrap = bootstrap;
        this.queued = queued;
    }

    public void read(String topic, TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {
        Map<TopicPartition, Long> start;
        Map<TopicPartition, Long> expectedStop;
        Map<TopicPartition, Long> end;
        List<TopicPartition> partitions;
        long stopAtMillis = stopAt(range);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props(), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
            end = consumer.endOffsets(partitions, TIMEOUT);
            start = offsetsAt(consumer, partitions, range.from().toEpochMilli(), end);
            // where the readers will most likely stop, for the progress only: they decide on records, and a
            // transaction marker stamped later than the records after it can come first
            expectedStop = offsetsAt(consumer, partitions, stopAtMillis, end);
        }
        progress.begin(partitions.stream().mapToLong(p -> Math.max(0, expectedStop.get(p) - start.get(p))).sum());
        List<TopicPartition> toRead = partitions.stream().filter(p -> start.get(p) < end.get(p)).toList();
        ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, Math.min(READERS, toRead.size())),
                runnable -> {
                    Thread thread = new Thread(runnable, "replay-" + topic);
                    thread.setDaemon(true);
                    return thread;
                });
        boolean written = false;
        try {
            Map<TopicPartition, PartitionQueue> queues = new HashMap<>();
            // submitted in partition order, so a partition's reader starts before any later one's
            for (TopicPartition p : toRead) {
                queues.put(p, new PartitionQueue(queued));
                readers.execute(new PartitionReader(props(), p, start.get(p), end.get(p), stopAtMillis,
                        queues.get(p)));
            }
            Writing writing = new Writing(range, progress, sink);
            for (TopicPartition p : toRead) {
                writing.partition(queues.get(p), start.get(p));
            }
            written = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        } finally {
            if (written) {
                readers.shutdown(); // every reader has reached its end: an interrupt would abort its close
            } else {
                readers.shutdownNow(); // stop the readers of partitions that will never be written
            }
            awaitClosed(readers);
        }
        progress.end();
    }

    /** One replay's pass over its partitions' queues, in partition order. */
    private record Writing(TimeRange range, Progress progress, Consumer<ConsumerRecord<String, byte[]>> sink) {

        void partition(PartitionQueue queue, long from) throws InterruptedException {
            long next = from;
            PartitionQueue.Chunk chunk;
            do {
                chunk = queue.take();
                for (ConsumerRecord<String, byte[]> record : chunk.records()) {
                    next = write(record, next);
                }
                next = skipped(next, chunk.position());
            } while (!chunk.last());
        }

        /** @return the offset after {@code record} */
        private long write(ConsumerRecord<String, byte[]> record, long next) {
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

    /** The range's end plus {@link #LATE_APPEND}; a range may end at the last representable millisecond. */
    private static long stopAt(TimeRange range) {
        long to = range.to().toEpochMilli();
        return to > Long.MAX_VALUE - LATE_APPEND.toMillis() ? Long.MAX_VALUE : to + LATE_APPEND.toMillis();
    }

    /** The readers' consumers are closed before reading returns, whether it ended or failed. */
    private static void awaitClosed(ExecutorService readers) {
        try {
            readers.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first offset at or after {@code millis} per partition; the end of the log when there is none. */
    private static Map<TopicPartition, Long> offsetsAt(KafkaConsumer<String, byte[]> consumer,
                                                       List<TopicPartition> partitions, long millis,
                                                       Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, millis));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query, TIMEOUT);
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
