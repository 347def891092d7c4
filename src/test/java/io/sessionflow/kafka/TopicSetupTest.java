package io.sessionflow.kafka;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import io.sessionflow.replay.TargetTopic;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.SharedKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** Retention by decision: what the topics are created with, read back by the admin client; differences reported. */
class TopicSetupTest {
    private static final String MAX_MESSAGE = String.valueOf((32 << 20) + (2 << 20));
    private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 8);
    private final Topics topics = Topics.prefixed(prefix);

    @Test
    void topicsAreCreatedWithTheirRetentionCompactionAndRecordLimit() throws Exception {
        assertThat(TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics, defaults()))).isEmpty();

        try (Admin admin = Admin.create(KafkaClients.base(SharedKafka.bootstrapServers()))) {
            assertThat(config(admin, topics.events())).containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", "-1").containsEntry("max.message.bytes", MAX_MESSAGE);
            assertThat(config(admin, topics.raw())).containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", String.valueOf(90L * 24 * 3600 * 1000))
                    .containsEntry("max.message.bytes", MAX_MESSAGE);
            assertThat(config(admin, topics.dlq())).containsEntry("cleanup.policy", "delete")
                    .containsEntry("retention.ms", String.valueOf(90L * 24 * 3600 * 1000));
            assertThat(config(admin, topics.state())).containsEntry("cleanup.policy", "compact")
                    .containsEntry("delete.retention.ms", String.valueOf(24L * 3600 * 1000))
                    .containsEntry("max.message.bytes", MAX_MESSAGE);
        }
    }

    @Test
    void anExistingTopicThatDiffersIsReportedInOneLineAndLeftAsItIs() throws Exception {
        TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics, defaults()));
        try (Admin admin = Admin.create(KafkaClients.base(SharedKafka.bootstrapServers()))) {
            set(admin, topics.raw(), "retention.ms", "604800000");
            set(admin, topics.raw(), "max.message.bytes", "1048588");
            set(admin, topics.events(), "max.message.bytes", "67108864"); // larger than needed: fine
            // the broker applies what the controller committed a moment later
            await().atMost(Duration.ofSeconds(30)).until(() -> config(admin, topics.raw()).get("max.message.bytes")
                    .equals("1048588") && config(admin, topics.events()).get("max.message.bytes").equals("67108864"));

            List<String> reported;
            try (LogCapture log = new LogCapture()) {
                reported = TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics,
                        defaults().with(Map.of("sessionflow.topics.dlq-retention", "30d"))));
                assertThat(log.lines()).filteredOn(l -> l.contains(prefix)).containsExactlyElementsOf(
                        reported.stream().map(l -> TopicSetup.class.getName() + " " + l).toList());
            }

            assertThat(reported)
                    .containsExactly(
                            "topic " + topics.raw()
                                    + " differs from the settings Sessionflow creates it with, and is left as it is: "
                                    + "max.message.bytes=1048588 (Sessionflow creates it with " + MAX_MESSAGE
                                    + ": larger vendor bodies cannot be published), retention.ms=604800000"
                                    + " (Sessionflow creates it with 7776000000)",
                            "topic " + topics.dlq()
                                    + " differs from the settings Sessionflow creates it with, and is left as it is: "
                                    + "retention.ms=7776000000 (Sessionflow creates it with 2592000000)");
            assertThat(config(admin, topics.raw())).containsEntry("retention.ms", "604800000")
                    .containsEntry("max.message.bytes", "1048588");
            assertThat(config(admin, topics.dlq())).containsEntry("retention.ms", "7776000000");
        }
    }

    @Test
    void aReplayOrRederiveTargetKeepsItsCopiesUntilDeleted() throws Exception {
        TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics, defaults()));
        String target = topics.events() + ".copy.last-month";
        TargetTopic.prepare(SharedKafka.bootstrapServers(), target, topics.events(), (short) 1, false);
        try (Admin admin = Admin.create(KafkaClients.base(SharedKafka.bootstrapServers()))) {
            // the broker knows of the new topic a moment after the controller created it
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> config(admin, target) != null);
            assertThat(config(admin, target)).as("records keep their original, older timestamps")
                    .containsEntry("retention.ms", "-1");
        }
    }

    private static Settings defaults() {
        return Settings.from(Map.of(), new Properties(), Map.of());
    }

    private static Map<String, String> config(Admin admin, String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
        return config.entries().stream().collect(java.util.stream.Collectors.toMap(ConfigEntry::name,
                e -> e.value() == null ? "" : e.value()));
    }

    private static void set(Admin admin, String topic, String key, String value) throws Exception {
        admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
                .all().get(30, TimeUnit.SECONDS);
    }
}
