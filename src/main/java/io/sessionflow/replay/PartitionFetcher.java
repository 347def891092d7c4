package io.sessionflow.replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * One partition's records from an offset up to another, fetched by a consumer of its own on a thread of its own
 * while replay writes the partitions before it: a broker round trip of each brings a full fetch of its partition,
 * and a partition's records are ready when its turn comes. At most two polls' worth wait, then fetching pauses.
 */
final class PartitionFetcher implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A poll's records of the partition and the position after them (markers and gaps included). */
    record Chunk(List<ConsumerRecord<String, byte[]>> records, long position, RuntimeException failure) {
    }

    private final BlockingQueue<Chunk> chunks = new ArrayBlockingQueue<>(2);
    private final KafkaConsumer<String, byte[]> consumer;
    private final TopicPartition partition;
    private final Thread thread;
    private volatile boolean closed;

    PartitionFetcher(Properties props, TopicPartition partition, long from, long until) {
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.partition = partition;
        this.thread = new Thread(() -> fetch(from, until), "replay-" + partition);
        thread.setDaemon(true);
        thread.start();
    }

    private void fetch(long from, long until) {
        try {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long position = from;
            while (position < until && !closed) {
                List<ConsumerRecord<String, byte[]>> records = consumer.poll(POLL).records(partition);
                position = consumer.position(partition, TIMEOUT);
                hand(new Chunk(records, position, null));
            }
        } catch (WakeupException e) {
            // closed while fetching
        } catch (RuntimeException e) {
            hand(new Chunk(List.of(), -1, e));
        } finally {
            consumer.close(Duration.ZERO);
        }
    }

    private void hand(Chunk chunk) {
        try {
            while (!closed && !chunks.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                // the writer is still on an earlier partition: wait, fetching nothing more
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next poll's records, in offset order. */
    Chunk next() {
        try {
            Chunk chunk = chunks.poll(TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
            if (chunk == null) {
                throw new IllegalStateException("no records of " + partition + " within " + TIMEOUT.toSeconds() * 2
                        + " s");
            }
            if (chunk.failure() != null) {
                throw chunk.failure();
            }
            return chunk;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + partition, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            thread.join(TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
