package io.sessionflow.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the pipeline's topics when missing, with the settings of {@link TopicPlan}. An existing topic whose
 * settings differ is reported in one line and left as it is: retention is the operator's decision.
 */
public final class TopicSetup {
    private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);

    private TopicSetup() {
    }

    /** @return one line per existing topic whose settings differ from the plan (each also logged) */
    public static List<String> ensure(String bootstrapServers, List<NewTopic> plan) {
        Properties props = KafkaClients.base(bootstrapServers);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = AdminCalls.get(admin.listTopics().names(), bootstrapServers, "Describe",
                    "the topics");
            List<NewTopic> missing = plan.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                Map<String, KafkaFuture<Void>> created = admin.createTopics(missing).values();
                for (NewTopic topic : missing) {
                    try {
                        AdminCalls.get(created.get(topic.name()), bootstrapServers, "Create", "topic " + topic.name());
                    } catch (IllegalStateException e) {
                        // another instance starting at the same time created it first: as good
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                awaitLed(admin, bootstrapServers, missing.stream().map(NewTopic::name).toList());
                LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
            }
            List<String> differences = differences(admin, bootstrapServers,
                    plan.stream().filter(t -> existing.contains(t.name())).toList());
            differences.forEach(LOG::warn);
            return differences;
        }
    }

    /**
     * The controller has created them; a broker learns of it a moment later, and leads their partitions a moment
     * after that. Until then describing them fails, and a produce request is refused as not led: an idempotent
     * producer whose first request was refused so, while its next was accepted, retries the first until its delivery
     * timeout and loses it (KAFKA-15591). So this waits until each partition's leader answers for its producers.
     *
     * @param bootstrap the brokers' addresses, for messages
     */
    public static void awaitLed(Admin admin, String bootstrap, List<String> topics) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                Map<String, TopicDescription> described = AdminCalls.get(admin.describeTopics(topics).allTopicNames(),
                        bootstrap, "Describe", "the topics");
                producersOf(admin, described);
                return;
            } catch (IllegalStateException | KafkaException e) {
                Throwable cause = e instanceof IllegalStateException ? e.getCause() : e;
                boolean notYet = cause instanceof UnknownTopicOrPartitionException
                        || cause instanceof NotLeaderOrFollowerException;
                if (!notYet || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for new topics", e);
            }
        }
    }

    /** Answered by each partition's leader from its log; a principal without Read on a topic cannot ask: as good. */
    private static void producersOf(Admin admin, Map<String, TopicDescription> described) {
        List<TopicPartition> partitions = described.values().stream().flatMap(d -> d.partitions().stream()
                .map(p -> new TopicPartition(d.name(), p.partition()))).toList();
        try {
            admin.describeProducers(partitions).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicAuthorizationException) {
                return;
            }
            throw e.getCause() instanceof KafkaException k ? k : new KafkaException(e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("the new topics' partitions were not led within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for new topics", e);
        }
    }

    private static List<String> differences(Admin admin, String bootstrap, List<NewTopic> present) {
        if (present.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, KafkaFuture<Config>> actual = admin.describeConfigs(present.stream()
                .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t.name())).toList()).values();
        List<String> lines = new ArrayList<>();
        for (NewTopic wanted : present) {
            Config config = AdminCalls.get(actual.get(new ConfigResource(ConfigResource.Type.TOPIC, wanted.name())),
                    bootstrap, "DescribeConfigs", "topic " + wanted.name());
            String differing = wanted.configs().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .filter(e -> differs(e.getKey(), e.getValue(), config.get(e.getKey()).value()))
                    .map(e -> e.getKey() + "=" + config.get(e.getKey()).value() + " (Sessionflow creates it with "
                            + e.getValue() + (e.getKey().equals(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)
                            ? ": larger vendor bodies cannot be published" : "") + ")")
                    .collect(Collectors.joining(", "));
            if (!differing.isEmpty()) {
                lines.add("topic " + wanted.name() + " differs from the settings Sessionflow creates it with, "
                        + "and is left as it is: " + differing);
            }
        }
        return lines;
    }

    /** A larger record limit than needed is no problem; anything else that differs is. */
    private static boolean differs(String key, String wanted, String actual) {
        if (key.equals(TopicConfig.MAX_MESSAGE_BYTES_CONFIG)) {
            return Long.parseLong(actual) < Long.parseLong(wanted);
        }
        return !wanted.equals(actual);
    }
}
