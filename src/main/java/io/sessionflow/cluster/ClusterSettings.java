package io.sessionflow.cluster;

import io.sessionflow.config.Settings;
import java.time.Duration;

/**
 * A cluster: every instance with the same name joins one Kafka consumer group over its shard topic. The names of
 * everything the cluster keeps in Kafka derive from it, so two clusters on one Kafka never meet.
 */
public record ClusterSettings(String name, String instance, int shards, Duration sessionTimeout,
                              Duration revokeTimeout) {

    public static ClusterSettings from(Settings s) {
        return new ClusterSettings(s.string("sessionflow.cluster"), instanceOf(s),
                s.integer("sessionflow.cluster.shards"), s.duration("sessionflow.cluster.session-timeout"),
                s.duration("sessionflow.cluster.revoke-timeout"));
    }

    /** This instance's name: its static membership in the group. Two live instances must never share one. */
    public static String instanceOf(Settings s) {
        String instance = s.string("sessionflow.instance-id");
        if (!instance.isEmpty()) {
            return instance;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "default";
        }
    }

    public String groupId() {
        return "sessionflow-" + name;
    }

    public String shardTopic() {
        return name + ".shards";
    }

    public String accountsTopic() {
        return name + ".accounts";
    }

    /** The shard's, not the instance's: the shard's next owner fences whoever held it before. */
    public String transactionalId(int shard) {
        return "sessionflow-" + name + "-shard-" + shard;
    }
}
