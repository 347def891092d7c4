package io.sessionflow.cluster;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster's own topics: the shard topic (one partition per shard, no records: the group's assignment is all it
 * is for) and the compacted single-partition accounts topic, as Kafka Connect keeps its configs. Instances starting
 * together all try to create them; every one but the first gets {@link TopicExistsException}, which is fine.
 */
public final class ClusterTopics {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterTopics.class);

    private ClusterTopics() {
    }

    /** @return the shard count: the shard topic's partitions, whoever created it */
    public static int ensure(Properties client, ClusterSettings cluster, short replication) {
        try (Admin admin = Admin.create(client)) {
            create(admin, new NewTopic(cluster.shardTopic(), cluster.shards(), replication));
            create(admin, accounts(cluster, replication));
            int count = partitions(admin, cluster.shardTopic());
            if (count != cluster.shards()) {
                LOG.warn(
                        "the shard topic {} has {} partitions; SESSIONFLOW_CLUSTER_SHARDS={} applies only when the "
                                + "cluster is created: {} shards are used",
                        cluster.shardTopic(),
                        count,
                        cluster.shards(),
                        count);
            }
            return count;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set up the cluster's topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the cluster's topics", e);
        }
    }

    /** The accounts topic, for an operator adding the first account before any instance ran. */
    public static void ensureAccounts(Properties client, ClusterSettings cluster, short replication) {
        try (Admin admin = Admin.create(client)) {
            create(admin, accounts(cluster, replication));
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set up the accounts topic " + cluster.accountsTopic() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting up the accounts topic", e);
        }
    }

    /** The cluster's shard count: its shard topic's partitions, or the setting while no instance created it yet. */
    public static int shardCount(Properties client, ClusterSettings cluster) {
        try (Admin admin = Admin.create(client)) {
            return admin.describeTopics(List.of(cluster.shardTopic())).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(cluster.shardTopic()).partitions().size();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return cluster.shards();
            }
            throw new IllegalStateException("cannot read the shard topic " + cluster.shardTopic() + ": "
                    + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot read the shard topic " + cluster.shardTopic() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the shard topic", e);
        }
    }

    private static NewTopic accounts(ClusterSettings cluster, short replication) {
        return new NewTopic(cluster.accountsTopic(), 1, replication).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /** A topic just created may not be known to every broker yet: asked again until it is, for a bounded time. */
    private static int partitions(Admin admin, String topic) throws InterruptedException, TimeoutException,
            ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                        .get(topic);
                return d.partitions().size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    /** A broker that has just started may not take topics yet (it is still registering): asked again, bounded. */
    private static void create(Admin admin, NewTopic topic) throws InterruptedException, TimeoutException,
            ExecutionException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                io.sessionflow.kafka.TopicSetup.awaitLed(admin, "the cluster's brokers", List.of(topic.name()));
                LOG.info("created topic {}", topic.name());
                return;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    return;
                }
                boolean notReady =
                        e.getCause() instanceof org.apache.kafka.common.errors.InvalidReplicationFactorException
                                || e.getCause() instanceof org.apache.kafka.common.errors.RetriableException;
                if (!notReady || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
