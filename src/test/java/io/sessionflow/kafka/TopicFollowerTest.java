package io.sessionflow.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * A follower started before its topic is in the broker's metadata (created a moment ago, or not yet) follows it once
 * it appears. BenchSmokeTest met the race: an app whose accounts topic it had just created never saw an added account.
 */
class TopicFollowerTest {
    private final String bootstrap = SharedKafka.bootstrapServers();
    private final Properties client = KafkaClients.base(bootstrap);
    private final String topic = "follower-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aTopicThatAppearsAfterTheStartIsFollowed() throws Exception {
        List<String> followed = new CopyOnWriteArrayList<>();
        try (TopicFollower follower = new TopicFollower(client, topic, (records, following) -> records
                .forEach(r -> followed.add(following + " " + r.key())))) {
            follower.start("follower-test");
            follower.catchUp(Duration.ofSeconds(10));
            try (Admin admin = Admin.create(client)) {
                admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
            }
            try (TopicWriter writer = new TopicWriter(bootstrap, topic)) {
                writer.send(new ProducerRecord<>(topic, "a", "1".getBytes(StandardCharsets.UTF_8)));
            }
            follower.catchUp(Duration.ofSeconds(10));
            assertThat(followed).as("records read once caught up").containsExactly("true a");
            try (TopicWriter writer = new TopicWriter(bootstrap, topic)) {
                writer.send(new ProducerRecord<>(topic, "b", "2".getBytes(StandardCharsets.UTF_8)));
            }
            Wait.await("the next record followed").until(() -> followed.contains("true b"));
        }
    }
}
