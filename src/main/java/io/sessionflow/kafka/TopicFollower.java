package io.sessionflow.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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
    private final LazyAdmin admin;
    private Thread thread;

    /** What a follower does with the records it reads, on its own thread once it follows. */
    public interface Handler {
        /** @param following false while the start reads up to the end, true for what comes after */
        void accept(Iterable<ConsumerRecord<String, byte[]>> records, boolean following);
    }

    public TopicFollower(Properties client, String topic, Handler handler) {
        this.client = client;
        this.admin = new LazyAdmin(client);
        this.topic = topic;
        this.handler = handler;
    }

    /**
     * Reads up to the end the topic has now, then follows it. A topic missing from the broker's metadata (one created
     * a moment ago may not be there yet) is followed from when it appears, its records then as followed ones.
     */
    public void start(String threadName) {
        consumer = TopicToEnd.consumer(client);
        List<TopicPartition> partitions = partitions();
        if (!partitions.isEmpty()) {
            readToEnd(partitions, false);
        }
        running = true;
        thread = new Thread(this::follow, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private void readToEnd(List<TopicPartition> partitions, boolean following) {
        TopicToEnd.fromStart(consumer, partitions, records -> handler.accept(records, following));
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
    }

    /**
     * Waits until every record written to the topic so far has been read, or its transaction aborted: up to the high
     * watermark, not the last stable offset, so records committed behind a transaction still open elsewhere are not
     * left out.
     *
     * @throws IllegalStateException when that takes longer than the timeout
     */
    public void catchUp(Duration timeout) {
        Map<TopicPartition, Long> end;
        try {
            Set<TopicPartition> partitions = positions.isEmpty() ? partitionsOfAdmin(timeout) : positions.keySet();
            if (partitions.isEmpty()) {
                return;
            }
            end = admin.get().listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(),
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

    /** The topic's partitions as the controller knows them; none when it does not exist. */
    private Set<TopicPartition> partitionsOfAdmin(Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        try {
            return admin.get().describeTopics(List.of(topic)).allTopicNames()
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                    .map(i -> new TopicPartition(topic, i.partition())).collect(Collectors.toSet());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return Set.of();
            }
            throw e;
        }
    }

    private void follow() {
        try {
            while (running) {
                if (positions.isEmpty()) {
                    List<TopicPartition> partitions = partitions();
                    if (partitions.isEmpty()) {
                        Thread.sleep(200);
                    } else {
                        readToEnd(partitions, true);
                    }
                    continue;
                }
                handler.accept(consumer.poll(Duration.ofMillis(100)), true);
                positions.keySet().forEach(p -> positions.put(p, consumer.position(p)));
            }
        } catch (WakeupException e) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
        admin.close();
    }
}
