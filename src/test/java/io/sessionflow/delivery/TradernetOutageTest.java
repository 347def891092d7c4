package io.sessionflow.delivery;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.verify.EventsTopic;
import io.sessionflow.verify.StreamChecks;
import io.sessionflow.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 2: the Tradernet feed keeps delivering while the broker is stopped under it. The lists of a group
 * whose publish failed were off the queue and gone, and a session opened and closed inside the group never came
 * out. The broker and the pipeline each run as their own process, as in {@link DeliveryGuaranteesTest}.
 */
class TradernetOutageTest {
    private static final String LOGIN = "virtual@virtual.com";
    private static final String PASSWORD = "outage-password-51c2";
    private static final String STARTED = "sessionflow.session.started";
    private static final String ENDED = "sessionflow.session.ended";
    private final String prefix = "o" + UUID.randomUUID().toString().substring(0, 8);
    private final TradernetWorld world = new TradernetWorld(Clock.systemUTC());
    private BrokerProcess broker;
    private TradernetSimulator vendor;
    private JavaProcess pipeline;

    @BeforeEach
    void start() {
        broker = new BrokerProcess().start();
        vendor = new TradernetSimulator(world, LOGIN, PASSWORD);
    }

    @AfterEach
    void stop() {
        if (pipeline != null && pipeline.isAlive()) {
            pipeline.kill();
        }
        vendor.close();
        broker.close();
    }

    private JavaProcess startPipeline() {
        return JavaProcess.start(prefix + "-pipeline", "io.sessionflow.Sessionflow", List.of("run"), Map.ofEntries(
                Map.entry("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap()),
                Map.entry("SESSIONFLOW_INSTANCE_ID", prefix),
                Map.entry("SESSIONFLOW_CLUSTER", prefix),
                Map.entry("SESSIONFLOW_TOPICS_EVENTS", prefix + ".events"),
                Map.entry("SESSIONFLOW_TOPICS_RAW", prefix + ".raw"),
                Map.entry("SESSIONFLOW_TOPICS_DLQ", prefix + ".dlq"),
                Map.entry("SESSIONFLOW_TOPICS_STATE", prefix + ".state"),
                Map.entry("SESSIONFLOW_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString()),
                Map.entry("SESSIONFLOW_TRADERNET_API_URL", vendor.apiUrl()),
                Map.entry("SESSIONFLOW_TRADERNET_WS_URL", vendor.webSocketUrl()),
                Map.entry("SESSIONFLOW_TRADERNET_LOGIN", LOGIN),
                Map.entry("SESSIONFLOW_TRADERNET_PASSWORD", PASSWORD),
                Map.entry("SESSIONFLOW_TRADERNET_EXPIRY_CHECK_INTERVAL", "1s"),
                Map.entry("SESSIONFLOW_PRIVACY_IP_HASH_KEY", "outage-ip-key")));
    }

    private List<SessionEvent> events() {
        return EventsTopic.readAll(broker.bootstrap(), prefix + ".events");
    }

    private List<SessionEvent> awaitEvents(int count, Duration timeout) {
        await("events on the topic").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(events().size()).as(pipeline.output()).isGreaterThanOrEqualTo(count));
        return events();
    }

    private long failedPublishes() {
        return pipeline.output().lines()
                .filter(line -> line.contains("tradernet") && line.contains("nothing published from this poll")).count();
    }

    private void awaitFailedPublishes(long count) {
        await("failed publishes").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> failedPublishes() >= count);
    }

    @Test
    void listsReceivedWhileAPublishFailsAreAllPublishedInOrderOnceTheBrokerIsBack() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TradernetWorld.Session a = world.open(LOGIN, "Login, password", now.minusSeconds(60), Duration.ofHours(2),
                "19.16.32.32");
        pipeline = startPipeline();
        awaitEvents(1, Duration.ofSeconds(90));
        await("the feed subscribed").atMost(Duration.ofSeconds(30)).until(() -> vendor.feedSubscribers() > 0);

        broker.stop();
        awaitFailedPublishes(1);
        // lists the feed delivers while nothing can be published: a session opened and closed among them. They queue
        // behind the publish in flight, so the group after it holds them: wait until that one failed too
        TradernetWorld.Session b = world.open(LOGIN, "SMS", now, Duration.ofHours(2), "203.0.113.7");
        world.close(b.id());
        TradernetWorld.Session c = world.open(LOGIN, "SMS", now.plusSeconds(1), Duration.ofHours(2), "192.0.2.44");
        world.close(a.id());
        awaitFailedPublishes(failedPublishes() + 2);
        broker.start();

        awaitEvents(5, Duration.ofSeconds(120));
        // a barrier: a session opened now is published behind every list before it, on the one ordered queue
        TradernetWorld.Session marker = world.open(LOGIN, "SMS", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                Duration.ofHours(2), "192.0.2.250");
        List<SessionEvent> all = awaitEvents(6, Duration.ofSeconds(60));

        assertThat(all).extracting(SessionEvent::subject, e -> e.type().type()).containsExactlyInAnyOrder(
                tuple(id(a), STARTED), tuple(id(b), STARTED), tuple(id(b), ENDED), tuple(id(c), STARTED),
                tuple(id(a), ENDED), tuple(id(marker), STARTED));
        VerifyReport report = StreamChecks.check(all, null);
        assertThat(report.duplicateIds()).isEmpty();
        assertThat(report.orderViolations()).isEmpty();
        assertThat(pipeline.isAlive()).as("the pipeline rode out the outage").isTrue();
    }

    private static String id(TradernetWorld.Session s) {
        return String.valueOf(s.id());
    }
}
