package io.sessionflow.replay;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Creates a re-publish target when missing, with as many partitions as the topic it copies: keys then land in
 * partitions the same way, and nothing depends on the broker's auto-creation being enabled. It is kept until deleted.
 */
public final class TargetTopic {
    private TargetTopic() {
    }

    public static void ensure(String bootstrap, String target, String like, short replication) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrap));
        try (Admin admin = Admin.create(p)) {
            if (admin.listTopics().names().get(30, TimeUnit.SECONDS).contains(target)) {
                return;
            }
            int partitions = admin.describeTopics(List.of(like)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(like).partitions().size();
            // records keep their original timestamps: a time retention would drop last month's copies at once
            admin.createTopics(List.of(new NewTopic(target, partitions, replication).configs(Map.of(
                    TopicConfig.RETENTION_MS_CONFIG, "-1")))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + target + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + target, e);
        }
    }
}
