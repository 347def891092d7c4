package io.sessionflow.bench;

import io.sessionflow.kafka.TopicPlan;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.TransactionalPublisher;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Producer;

/** The broker under test: fresh topics per stage, and producers with exactly the pipeline's settings. */
final class BenchKafka {
    private final String bootstrap;

    BenchKafka(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    String bootstrap() {
        return bootstrap;
    }

    /** Topics of their own per stage, so one stage never reads another's records. */
    Topics freshTopics(String stage) {
        String prefix = "bench." + stage + "." + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = Topics.prefixed(prefix);
        TopicSetup.ensure(bootstrap, TopicPlan.of(topics, io.sessionflow.config.Settings.fromEnvironment()));
        return topics;
    }

    /** The same factory TransactionalPublisher uses in the app: acks=all, idempotent, lz4, same batch and linger. */
    Supplier<Producer<String, byte[]>> producers(String stage) {
        java.util.Properties client = new java.util.Properties();
        client.put("bootstrap.servers", bootstrap);
        return TransactionalPublisher.kafkaProducers(client, "bench-" + stage + "-" + UUID.randomUUID());
    }
}
