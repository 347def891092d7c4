package io.sessionflow.replay;

import io.sessionflow.kafka.KafkaTopics;
import io.sessionflow.kafka.Topics;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/**
 * The topic {@code --to-topic} writes to (replay, rederive). Never one of the pipeline's own topics (copies there
 * would be duplicates consumers see), and never one that already holds records unless {@code --append} says so
 * (a second run would double every event). Created when missing, with as many partitions as the topic it copies:
 * keys then land in partitions the same way, and nothing depends on the broker's auto-creation being enabled.
 * It is kept until deleted: its records keep their original timestamps, so a time retention would drop them at once.
 */
public final class TargetTopic {
    private TargetTopic() {
    }

    /** Before anything starts: a valid topic name, none of the pipeline's. */
    public static String checkName(String target, Topics pipeline) {
        try {
            Topic.validate(target);
        } catch (InvalidTopicException e) {
            throw new IllegalArgumentException(
                    "--to-topic '" + target + "' is not a valid topic name: " + e.getMessage());
        }
        if (List.of(pipeline.events(), pipeline.raw(), pipeline.dlq(), pipeline.state()).contains(target)
                || Topic.isInternal(target)) {
            throw new IllegalArgumentException(
                    "--to-topic " + target + " is one of the pipeline's own topics; choose a new one");
        }
        return target;
    }

    public static void prepare(String bootstrap, String target, String like, short replication, boolean append) {
        TopicDescription existing = KafkaTopics.describe(bootstrap, target);
        if (existing != null) {
            long held = KafkaTopics.offsets(bootstrap, existing);
            if (held > 0 && !append) {
                throw new IllegalArgumentException("--to-topic " + target + " already holds records (" + held
                        + " offsets); choose a new topic, or add --append to write after them");
            }
            return;
        }
        int partitions = KafkaTopics.requireExisting(bootstrap, like).partitions().size();
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(bootstrap));
        try (Admin admin = Admin.create(p)) {
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
