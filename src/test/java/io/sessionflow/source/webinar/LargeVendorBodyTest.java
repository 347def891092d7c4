package io.sessionflow.source.webinar;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.kafka.TopicPlan;
import io.sessionflow.kafka.TopicSetup;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 1: a schedule page of rich descriptions, several MiB, is published through the real path
 * (simulator over HTTP, the routes, the broker) and the source goes on; Kafka's 1 MiB defaults stalled it for good.
 */
class LargeVendorBodyTest {
    private static final String TOKEN = "large-body-token";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aScheduleOfSeveralMebibytesIsPublishedAndTheSourceGoesOn() {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        WebinarWorld world = new WebinarWorld();
        String richText = richText(2 << 20);
        List<WebinarWorld.Session> sessions = List.of(world.schedule("Quarterly results", t0, t0.plusSeconds(7200)),
                world.schedule("Product demo", t0, t0.plusSeconds(9000)),
                world.schedule("Onboarding", t0, t0.plusSeconds(10800)));
        sessions.forEach(s -> world.describe(s.id, richText, t0));

        try (WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
             Pipeline pipeline = Pipeline.start(Map.of("sessionflow.webinar.base-url", vendor.baseUrl(),
                     "sessionflow.webinar.token", TOKEN, "sessionflow.webinar.poll-interval", "2s",
                     "sessionflow.webinar.window-past", "3650d", "sessionflow.webinar.page-size", "10"));
             TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            List<SessionEvent> scheduled = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(scheduled).extracting(e -> e.type().type()).containsOnly("sessionflow.session.scheduled");

            ConsumerRecord<String, byte[]> page = raw.awaitUntil(seen -> seen.stream().anyMatch(r ->
                    endpoint(r).startsWith("GET /organization/events/schedule")), WAIT).stream()
                    .filter(r -> endpoint(r).startsWith("GET /organization/events/schedule")).findFirst().orElseThrow();
            assertThat(page.value().length).as("the schedule page, published whole").isGreaterThan(5 << 20);

            world.rename(sessions.get(0).id, "Quarterly results (moved)", t0.plusSeconds(60));
            List<SessionEvent> later = EventAssertions.events(events.awaitCount(4, WAIT));
            assertThat(later.get(3).type().type())
                    .as("the next poll still publishes")
                    .isEqualTo("sessionflow.session.updated");
        }
    }

    @Test
    void aTopicTooSmallForTheBodiesIsReportedAtStartAndEveryFailedPollSaysWhy() throws Exception {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        WebinarWorld world = new WebinarWorld();
        world.describe(world.schedule("Quarterly results", t0, t0.plusSeconds(7200)).id, richText(2 << 20), t0);
        String prefix = "t" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Topics topics = Topics.prefixed(prefix);
        TopicSetup.ensure(SharedKafka.bootstrapServers(), TopicPlan.of(topics, Settings.from(Map.of(),
                new java.util.Properties(), Map.of())));
        try (Admin admin = Admin.create(KafkaClients.base(SharedKafka.bootstrapServers()))) {
            admin.incrementalAlterConfigs(Map.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, topics.raw()),
                            List.of(new AlterConfigOp(
                                    new ConfigEntry("max.message.bytes", "1048588"), AlterConfigOp.OpType.SET))))
                    .all()
                    .get(30, TimeUnit.SECONDS);
            // the broker applies a change the controller committed a moment later
            ConfigResource raw = new ConfigResource(ConfigResource.Type.TOPIC, topics.raw());
            await().atMost(WAIT).until(() -> admin.describeConfigs(List.of(raw)).all().get().get(raw)
                    .get("max.message.bytes").value().equals("1048588"));
        }

        try (LogCapture log = new LogCapture();
             WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
             Pipeline pipeline = Pipeline.startOn(topics, Map.of("sessionflow.webinar.base-url", vendor.baseUrl(),
                     "sessionflow.webinar.token", TOKEN, "sessionflow.webinar.poll-interval", "1s",
                     "sessionflow.webinar.window-past", "3650d"), java.time.Clock.systemUTC())) {
            await().atMost(WAIT).until(() -> log.lines().stream().anyMatch(l -> l.contains("PollFailures")));
            assertThat(log.lines()).filteredOn(l -> l.contains(topics.raw())).first().asString()
                    .contains("max.message.bytes=1048588").contains("larger vendor bodies cannot be published");
            assertThat(log.lines()).filteredOn(l -> l.contains("PollFailures")).first().asString()
                    .contains("refused a record larger than a topic accepts (max.message.bytes): raise it, or lower "
                            + "SESSIONFLOW_HTTP_MAX_BODY_BYTES");
        }
    }

    /** Text that lz4 cannot shrink, as a page of distinct descriptions is: the broker checks compressed batches. */
    private static String richText(int bytes) {
        byte[] random = new byte[bytes / 2];
        new java.util.Random(42).nextBytes(random);
        return java.util.HexFormat.of().formatHex(random);
    }

    private static String endpoint(ConsumerRecord<String, byte[]> r) {
        var header = r.headers().lastHeader("sessionflow-endpoint");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
