package io.sessionflow.bench;

import io.sessionflow.replay.BulkReadSettings;
import io.sessionflow.replay.EventFilter;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.Replay;
import io.sessionflow.replay.ReplayRecord;
import io.sessionflow.replay.ReplaySink;
import io.sessionflow.replay.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reading a time range back: the replay package (seek by time, read_committed, parse, filter) into a sink
 * that only counts, against a bare read_committed consumer reading the same topic from start to end (what the target
 * names), and against bare consumers of one partition each, all at once (how replay itself fetches).
 */
final class ReplayStage {
    private final String bootstrap;

    /** @param rawPerPartitionPerSecond bare consumers, one per partition at once: replay's way of fetching */
    record Result(double replayPerSecond, double rawPerSecond, long replayed, long rawRead,
                  double rawPerPartitionPerSecond) {
    }

    ReplayStage(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    Result run(String topic) {
        // each reader runs twice and the second run counts: the first pays for class loading and page cache
        rawConsumer(topic);
        long[] raw = rawConsumer(topic);
        replay(topic);
        long[] replay = replay(topic);
        rawPerPartition(topic);
        long[] perPartition = rawPerPartition(topic);
        return new Result(replay[0] / (replay[1] / 1e9), raw[0] / (raw[1] / 1e9), replay[0], raw[0],
                perPartition[0] / (perPartition[1] / 1e9));
    }

    /** @return records read and nanoseconds taken */
    private long[] replay(String topic) {
        TimeRange everything = new TimeRange(Instant.EPOCH, Instant.now().plus(Duration.ofHours(1)));
        CountingSink sink = new CountingSink();
        long start = System.nanoTime();
        long written = new Replay(bootstrap).run(topic, everything, EventFilter.any(), sink, Progress.none());
        return new long[]{written, System.nanoTime() - start};
    }

    private long[] rawConsumer(String topic) {
        long start = System.nanoTime();
        return new long[]{rawConsumer(topic, null), System.nanoTime() - start};
    }

    private long[] rawPerPartition(String topic) {
        List<Integer> partitions;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(BulkReadSettings.of(bootstrap),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            partitions = consumer.partitionsFor(topic).stream().map(i -> i.partition()).toList();
        }
        // a thread each, as replay's readers: a parallel stream would run only as many as the common pool allows
        ExecutorService threads = Executors.newFixedThreadPool(partitions.size());
        try {
            long start = System.nanoTime();
            List<Future<Long>> reads = partitions.stream()
                    .map(p -> threads.submit(() -> rawConsumer(topic, p))).toList();
            long read = 0;
            for (Future<Long> r : reads) {
                read += r.get();
            }
            return new long[]{read, System.nanoTime() - start};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            threads.shutdownNow();
        }
    }

    /** @param only the one partition to read, or null for all */
    private long rawConsumer(String topic, Integer only) {
        // exactly replay's consumer settings: the two differ only in what replay does with the records
        Properties p = BulkReadSettings.of(bootstrap);
        long read = 0;
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer());
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .filter(i -> only == null || i.partition() == only)
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
        } finally {
            // closed as replay closes its readers: a default close would add the fetch in flight at the end
            // (fetch.max.wait.ms, 500 ms) to the reading time
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        }
        return read;
    }

    /** Counts and drops: the sink's own cost (file, topic) is not the replay's. */
    private static final class CountingSink implements ReplaySink {
        private long count;

        @Override
        public void write(ReplayRecord record) {
            count++;
        }

        @Override
        public void close() {
        }
    }
}
