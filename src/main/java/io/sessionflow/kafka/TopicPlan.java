package io.sessionflow.kafka;

import io.sessionflow.config.Settings;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the pipeline's topics are created with, decided here rather than left to the broker's defaults: the events
 * are the replayable history (kept forever unless set), raw bodies and dead letters hold personal data in clear
 * (kept a set time), the state is compacted. Every topic accepts the largest record Sessionflow sends.
 */
public final class TopicPlan {
    private TopicPlan() {
    }

    public static List<NewTopic> of(Topics topics, Settings s) {
        int partitions = s.integer("sessionflow.kafka.partitions");
        short replication = (short) s.integer("sessionflow.kafka.replication-factor");
        String maxMessage =
                String.valueOf(KafkaClientConfig.maxMessageBytes(s.integer("sessionflow.http.max-body-bytes")));
        return List.of(
                new NewTopic(topics.events(), partitions, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, retention(s, "sessionflow.topics.events-retention"),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)),
                new NewTopic(topics.raw(), partitions, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, retention(s, "sessionflow.topics.raw-retention"),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)),
                new NewTopic(topics.dlq(), 1, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.RETENTION_MS_CONFIG, retention(s, "sessionflow.topics.dlq-retention"),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)),
                new NewTopic(topics.state(), partitions, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.DELETE_RETENTION_MS_CONFIG,
                        String.valueOf(s.duration("sessionflow.topics.state-tombstone-retention").toMillis()),
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessage)),
                // compacted to the latest per account, but only once a record is older than the history the
                // report reads: until then every watermark of an account stays
                new NewTopic(topics.watermarks(), partitions, replication).configs(Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                        String.valueOf(s.duration("sessionflow.topics.watermarks-history").toMillis()))));
    }

    /** Empty: kept forever (-1). */
    private static String retention(Settings s, String key) {
        return s.isSet(key) ? String.valueOf(s.duration(key).toMillis()) : "-1";
    }
}
