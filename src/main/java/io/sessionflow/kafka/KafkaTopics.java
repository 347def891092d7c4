package io.sessionflow.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * What a command asks about a topic before it reads or writes one, through the admin API: asking never creates a
 * topic, where a consumer's metadata request may (broker auto-creation).
 */
public final class KafkaTopics {
    private static final int TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /** @return the topic's description, or null when it does not exist */
    public static TopicDescription describe(String bootstrap, String topic) {
        try (Admin admin = admin(bootstrap)) {
            return admin.describeTopics(java.util.List.of(topic)).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("cannot describe topic " + topic + ": " + e.getCause().getMessage(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at " + bootstrap + " did not describe topic " + topic + " in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** @throws IllegalArgumentException naming the topic when it does not exist */
    public static TopicDescription requireExisting(String bootstrap, String topic) {
        TopicDescription d = describe(bootstrap, topic);
        if (d == null) {
            throw new IllegalArgumentException("topic '" + topic + "' does not exist at " + bootstrap);
        }
        return d;
    }

    /** Offsets between each partition's start and end, added up: 0 for a topic that holds nothing. */
    public static long offsets(String bootstrap, TopicDescription topic) {
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        topic.partitions().forEach(p -> {
            earliest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.earliest());
            latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest());
        });
        try (Admin admin = admin(bootstrap)) {
            var from = admin.listOffsets(earliest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            var to = admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return to.entrySet().stream().mapToLong(e -> e.getValue().offset() - from.get(e.getKey()).offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of topic " + topic.name() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Admin admin(String bootstrap) {
        Properties p = KafkaClients.base(bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_SECONDS * 1000));
        return Admin.create(p);
    }
}
