package io.sessionflow.cluster;

import io.sessionflow.kafka.LazyAdmin;
import io.sessionflow.source.http.Backoff;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's membership in the cluster: a Kafka consumer group over the shard topic, one partition per shard,
 * balanced by the cooperative sticky assignor, so only what must move moves. Its thread does nothing but keep the
 * membership ({@code poll}); the rebalance callbacks, which run on it, hand assigned, revoked and lost shards to the
 * {@link ShardManager}. No vendor call ever runs here, so a slow vendor cannot make this instance miss the group.
 * Static membership ({@code group.instance.id}): an instance restarted under the same name takes its shards back
 * without a rebalance; leaving on shutdown is explicit, so the others take over at once.
 */
public final class ShardMembership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardMembership.class);
    private static final Backoff REJOIN = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
    private final ClusterSettings cluster;
    private final Properties properties;
    private final LazyAdmin admin;
    private final ShardOwner shards;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private Thread thread;

    public ShardMembership(ClusterSettings cluster, Properties client, ShardOwner shards) {
        this.cluster = cluster;
        this.shards = shards;
        this.admin = new LazyAdmin(client);
        Properties p = new Properties();
        p.putAll(client);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, cluster.groupId());
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, cluster.instance());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "sessionflow-" + cluster.instance());
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(cluster.sessionTimeout().toMillis()));
        // a third of the session timeout at most, so a departure is noticed within a heartbeat or two
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                String.valueOf(Math.max(500, Math.min(1000, cluster.sessionTimeout().toMillis() / 3))));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        this.properties = p;
    }

    public void start() {
        thread = new Thread(this::run, "sessionflow-membership");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Joins and keeps the membership until closed. A membership that fails (a shard that could not be taken over, a
     * coordinator error) drops its shards, leaves, and joins again after a backoff: the instance keeps working,
     * as a Kafka Streams thread rejoins after its tasks migrated.
     */
    private void run() {
        try {
            for (int failures = 0; running; failures++) {
                if (!member() || !running) {
                    return;
                }
                Duration wait = REJOIN.delay(failures, ThreadLocalRandom.current());
                LOG.warn("rejoining cluster '{}' in {} ms", cluster.name(), wait.toMillis());
                if (stopping.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** @return whether the membership failed and is worth joining again */
    private boolean member() {
        consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        boolean rejoin = false;
        try {
            consumer.subscribe(List.of(cluster.shardTopic()), new Listener());
            if (!running) {
                return false; // closed before the wakeup could reach this consumer
            }
            while (running) {
                // the shard topic carries no records: polling keeps the membership and runs the callbacks
                consumer.poll(Duration.ofMillis(200));
            }
        } catch (WakeupException e) {
            // leaving: the shards go back while the consumer still heartbeats; closing stops its heartbeats first, so
            // a hand-back inside close that outlasts the session timeout would get this member evicted and fenced
            LOG.info("leaving cluster '{}': handing back shards {}", cluster.name(), shards.owned().keySet());
            shards.leave();
        } catch (FencedInstanceIdException e) {
            LOG.error("another instance of cluster '{}' runs under the same name '{}' (SESSIONFLOW_INSTANCE_ID): this "
                    + "one stops polling; give every instance its own name", cluster.name(), cluster.instance());
            shards.lost(List.copyOf(shards.owned().keySet()));
        } catch (RuntimeException e) {
            LOG.error("cluster membership failed; this instance drops its shards and rejoins: {}", describe(e));
            shards.lost(List.copyOf(shards.owned().keySet()));
            rejoin = true;
        } finally {
            try {
                // revokes every owned shard gracefully (onPartitionsRevoked), then leaves the group at once
                consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            } catch (RuntimeException e) {
                LOG.warn("leaving the cluster's group failed: {}", e.toString());
            }
        }
        return rejoin;
    }

    /**
     * Whether the group's coordinator gives this instance the shard now: the coordinator's word, not this member's
     * own view, which an instance frozen past its session still holds when it wakes.
     *
     * @throws IllegalStateException when the coordinator cannot be asked
     */
    public boolean owns(int shard) {
        TopicPartition partition = new TopicPartition(cluster.shardTopic(), shard);
        try {
            ConsumerGroupDescription group = admin.get().describeConsumerGroups(List.of(cluster.groupId()))
                    .describedGroups().get(cluster.groupId()).get(10, TimeUnit.SECONDS);
            return group.members().stream()
                    .filter(m -> m.groupInstanceId().filter(cluster.instance()::equals).isPresent())
                    .anyMatch(m -> m.assignment().topicPartitions().contains(partition));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot ask the group's coordinator who owns shard " + shard + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking who owns shard " + shard, e);
        }
    }

    /** Kafka wraps a rebalance callback's failure: the callback's own message is the one worth a line. */
    private static String describe(RuntimeException e) {
        return e.getCause() != null ? e.getMessage() + ": " + e.getCause().getMessage() : e.toString();
    }

    /** Hands every shard back (in-flight polls commit) and leaves the group, so the others take over at once. */
    @Override
    public void close() {
        running = false;
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            if (!stopped.await(60, TimeUnit.SECONDS)) {
                LOG.warn("leaving the cluster took longer than 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            shards.assigned(numbers(partitions));
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            shards.revoked(numbers(partitions));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            shards.lost(numbers(partitions));
        }

        private List<Integer> numbers(Collection<TopicPartition> partitions) {
            return partitions.stream().map(TopicPartition::partition).sorted().toList();
        }
    }
}
