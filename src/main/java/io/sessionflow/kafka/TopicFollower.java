package io.sessionflow.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every committed record of a topic up to its end, then follows it on a thread of its own, as Kafka Connect
 * follows its config topic and Kafka Streams its standby replicas. {@link #catchUp} is the barrier of a reader that
 * must have seen everything written so far.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private final Properties client;
    private final String topic;
    private final Handler handler;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Admin admin;
    private Thread thread;

    /** What a follower does with the records it reads, on its own thread once it follows. */
    public interface Handler {
        /** @param following false while the start reads up to the end, true for what comes after */
        void accept(Iterable<ConsumerRecord<String, byte[]>> records, boolean following);
    }

    public TopicFollower(Properties client, String topic, Handler handler) {
        this.client = client;
        this.topic = topic;
        this.handler = handler;
    }

    /** Reads up to the end the topic has now, then follows it; a missing topic is followed as empty. */
    public void start(String threadName) {
        consumer = TopicToEnd.consumer(client);
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        if (partitions.isEmpty()) {
            consumer.close(Duration.ofSeconds(1));
            consumer = null;
            return;
        }
        TopicToEnd.fromStart(consumer, partitions, records -> handler.accept(records, false));
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        running = true;
        thread = new Thread(this::follow, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits until every record written to the topic so far has been read, or its transaction aborted: up to the high
     * watermark, not the last stable offset, so records committed behind a transaction still open elsewhere are not
     * left out.
     *
     * @throws IllegalStateException when that takes longer than the timeout
     */
    public void catchUp(Duration timeout) {
        if (positions.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> end;
        try {
            end = admin().listOffsets(positions.keySet().stream().collect(Collectors.toMap(Function.identity(),
                                    p -> OffsetSpec.latest())), new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot find the end of " + topic + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + topic, e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (end.entrySet().stream().anyMatch(e -> positions.getOrDefault(e.getKey(), 0L) < e.getValue())) {
            if (System.nanoTime() > deadline || !running) {
                throw new IllegalStateException(topic + " was not read up to " + end + " within "
                        + timeout.toSeconds() + " s" + (running ? "" : ": its reader stopped"));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + topic, e);
            }
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(client);
        }
        return admin;
    }

    private void follow() {
        try {
            while (running) {
                handler.accept(consumer.poll(Duration.ofMillis(100)), true);
                positions.keySet().forEach(p -> positions.put(p, consumer.position(p)));
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("following {} failed; what is written to it now is not seen until restart: {}", topic,
                    e.toString());
        } finally {
            running = false;
            consumer.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            running = false;
            consumer.wakeup();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        } else if (consumer != null) {
            consumer.close(Duration.ofSeconds(1));
        }
        consumer = null;
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
            admin = null;
        }
    }
}
