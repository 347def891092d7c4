package io.sessionflow.replay;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Fetches one partition from {@code start} with a consumer of its own, into its {@link PartitionQueue}, up to the
 * first record stamped at or after {@code stopAtMillis} or the offset {@code end}, whichever comes first. Records
 * decide the stop, never a transaction marker's time. A consumer per partition keeps every round trip full while
 * the writer is still on an earlier partition, and moves fetching and record decoding off the writer's thread.
 */
final class PartitionReader implements Runnable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final Properties props;
    private final TopicPartition partition;
    private final long start;
    private final long end;
    private final long stopAtMillis;
    private final PartitionQueue queue;

    PartitionReader(Properties props, TopicPartition partition, long start, long end, long stopAtMillis,
                    PartitionQueue queue) {
        this.props = props;
        this.partition = partition;
        this.start = start;
        this.end = end;
        this.stopAtMillis = stopAtMillis;
        this.queue = queue;
    }

    @Override
    public void run() {
        KafkaConsumer<String, byte[]> consumer = null;
        try {
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.assign(List.of(partition));
            consumer.seek(partition, start);
            long position = start;
            while (position < end) {
                List<ConsumerRecord<String, byte[]>> polled = consumer.poll(POLL).records(partition);
                // transaction markers and compacted gaps occupy offsets without records: the position tells
                long after = Math.min(end, consumer.position(partition, TIMEOUT));
                int past = firstPastTheEnd(polled);
                if (past < polled.size()) {
                    queue.put(polled.subList(0, past), polled.get(past).offset(), true);
                    return;
                }
                if (!polled.isEmpty() || after > position) {
                    queue.put(polled, after, after >= end);
                }
                position = after;
            }
        } catch (InterruptedException | InterruptException e) {
            // the writer gave up and nobody waits for this partition: the thread ends once the consumer is
            // closed, which an interrupt flag still set would abort half way
            Thread.interrupted();
        } catch (Throwable e) { // the writer waits for this partition: it must hear of any failure
            queue.fail(e instanceof RuntimeException r ? r : new IllegalStateException("reading " + partition, e));
        } finally {
            // no group to leave, nothing to commit: a default close only waits out the fetch still in flight at
            // the end of the partition (fetch.max.wait.ms, half a second per replay)
            if (consumer != null) {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
            }
        }
    }

    private int firstPastTheEnd(List<ConsumerRecord<String, byte[]>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, byte[]> r = records.get(i);
            if (r.offset() >= end || r.timestamp() >= stopAtMillis) {
                return i;
            }
        }
        return records.size();
    }
}
