package io.sessionflow.rederive;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 11: a live Tradernet run (feed lists, an expiry check that ends a session, a drop with a recovery
 * snapshot) re-derived from its raw topic gives the live events' ids and bytes. Before, Tradernet had no
 * re-derivation: its live run used what the raw topic did not keep (receive times, reconnects, expiry checks).
 */
class TradernetRederivationTest {
    private static final String LOGIN = "virtual@virtual.com";
    private static final String PASSWORD = "rederive-password-9d2e";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final TradernetWorld world = new TradernetWorld(Clock.systemUTC());
    private final TradernetSimulator vendor = new TradernetSimulator(world, LOGIN, PASSWORD);
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    @Test
    void rederivingTheRawArchiveReproducesTheLiveEventsAndIds() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TradernetWorld.Session a = world.open(LOGIN, "Login, password", now.minusSeconds(60), Duration.ofHours(2),
                "19.16.32.32");
        Map<String, String> settings = Map.of(
                "sessionflow.tradernet.api-url", vendor.apiUrl(),
                "sessionflow.tradernet.ws-url", vendor.webSocketUrl(),
                "sessionflow.tradernet.login", LOGIN,
                "sessionflow.tradernet.password", PASSWORD,
                "sessionflow.tradernet.expiry-check-interval", "200ms",
                "sessionflow.tradernet.reconnect-initial-delay", "1500ms",
                "sessionflow.privacy.ip-hash-key", "rederive-ip-key");
        pipeline = Pipeline.start(settings);
        List<ConsumerRecord<String, byte[]>> liveRecords;
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            events.awaitCount(1, WAIT);
            await("the feed subscribed").atMost(WAIT).until(() -> vendor.feedSubscribers() > 0);
            world.prolong(a.id(), a.expire().plus(Duration.ofHours(1)));
            Instant soon = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            TradernetWorld.Session b = world.open(LOGIN, "SMS", soon.minusSeconds(30), Duration.ofMillis(31_500),
                    "203.0.113.7");
            // the second session's expiry passes with no list coming: the expiry check ends it
            events.awaitCount(4, WAIT);
            // the vendor drops it once expired: only the archived expiry check says when and how it ended
            world.close(b.id());
            vendor.dropConnections();
            world.close(a.id());
            TradernetWorld.Session c = world.open(LOGIN, "SMS", Instant.now().truncatedTo(ChronoUnit.MILLIS),
                    Duration.ofHours(2), "192.0.2.44");
            // the snapshot after the reconnect: the first session ended and the third started while the feed was down
            events.awaitCount(6, WAIT);
            world.close(c.id());
            liveRecords = events.awaitCount(7, WAIT);
        }
        pipeline.close();
        pipeline = null;
        List<SessionEvent> live = EventAssertions.events(liveRecords);
        assertThat(live).extracting(e -> e.type().type() + " " + e.data().recovered()).containsExactlyInAnyOrder(
                "sessionflow.session.started false", "sessionflow.session.started false",
                "sessionflow.session.updated false", "sessionflow.session.ended false",
                "sessionflow.session.ended true", "sessionflow.session.started true",
                "sessionflow.session.ended false");

        Rederivation.Summary summary = RederivationCheck.rederiveAndCompare(settings, liveRecords);

        assertThat(summary.events).isEqualTo(liveRecords.size());
    }
}
