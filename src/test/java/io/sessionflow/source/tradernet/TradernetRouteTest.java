package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.verify.StreamChecks;
import io.sessionflow.verify.VerifyReport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tradernet end to end over the plain WebSocket feed: simulator on loopback, YAML routes, real broker. */
class TradernetRouteTest {
    private static final String STARTED = "sessionflow.session.started";
    private static final String UPDATED = "sessionflow.session.updated";
    private static final String ENDED = "sessionflow.session.ended";
    private final TradernetHarness h = new TradernetHarness();
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofHours(1));

    @AfterEach
    void stop() {
        h.close();
    }

    /**
     * On http:// the JDK client would first ask for an h2c upgrade; a server with the feed on the same port drops
     * such a request, and the login never completed. Vendors are spoken to in HTTP/1.1 on plain HTTP.
     */
    @Test
    void loginAndSnapshotWorkAgainstAServerThatDropsUpgradeRequests() {
        h.vendor.dropUpgradeRequests();
        TradernetWorld.Session a = h.world.open("virtual@virtual.com", "SMS", t0, Duration.ofHours(24), "19.16.32.32");
        h.start("websocket");
        assertThat(h.awaitEvents(1)).extracting(SessionEvent::subject).containsExactly(id(a));
        assertThat(h.vendor.loginCount()).isPositive();
        assertThat(h.vendor.snapshotCount()).isPositive();
        assertThat(h.vendor.droppedUpgradeRequests()).as("no request asked for an upgrade").isZero();
    }

    /**
     * Issue 14 item 4: an end concluded from the expiry passing was final, even when the vendor prolonged the session
     * and listed it open again. Now the session is reopened, and its next end is an event of its own.
     */
    @Test
    void aSessionEndedByItsExpiryThatTheVendorProlongsIsReopened() {
        Instant soon = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        TradernetWorld.Session c = h.world.open(
                "virtual@virtual.com", "SMS", soon.minusSeconds(30), Duration.ofSeconds(30), "198.51.100.23");
        h.start("websocket");
        h.awaitEvents(2);
        h.awaitSubscribed();
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
        h.world.prolong(c.id(), later);
        h.awaitEvents(3);
        h.world.close(c.id());
        h.awaitEvents(4);
        List<SessionEvent> all = h.eventsBeforeBarrier();

        assertThat(all).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().status().value())
                .containsExactly(
                        tuple(id(c), STARTED, "started"),
                        tuple(id(c), ENDED, "ended"),
                        tuple(id(c), "sessionflow.session.reopened", "started"),
                        tuple(id(c), ENDED, "ended"));
        assertThat(all.get(2).data().scheduledEnd()).isEqualTo(later);
        assertThat(all.get(2).data().endedAt()).isNull();
        VerifyReport report = StreamChecks.check(all, null);
        assertThat(report.duplicateIds()).isEmpty();
        assertThat(report.orderViolations()).isEmpty();
    }

    @Test
    void loginAndFeedProduceTheExactEvents() {
        TradernetWorld.Session a =
                h.world.open("virtual@virtual.com", "Login, password", t0, Duration.ofHours(24), "19.16.32.32");
        var pipeline = h.start("websocket");
        List<SessionEvent> first = h.awaitEvents(1);
        assertThat(first).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().recovered())
                .containsExactly(tuple(id(a), STARTED, false));
        SessionEvent started = first.get(0);
        assertThat(started.time()).isEqualTo(t0);
        assertThat(started.source()).isEqualTo("sessionflow/tradernet");
        assertThat(started.data().kind().value()).isEqualTo("security");
        assertThat(started.data().startedAt()).isEqualTo(t0);
        assertThat(started.data().scheduledEnd()).isEqualTo(t0.plus(Duration.ofHours(24)));
        assertThat(started.data().owner().login()).isEqualTo("virtual@virtual.com");
        assertThat(started.data().user().login()).isEqualTo("virtual@virtual.com");
        assertThat(started.data().attributes())
                .containsEntry("safetyTypeId", 4)
                .containsEntry("keyCurrent", "Login, password")
                .containsEntry(
                        "ipClient", IpMasker.withKey(TradernetHarness.IP_KEY).mask("19.16.32.32"))
                .doesNotContainKey("expire");
        assertThat(new String(EventJson.toBytes(started), StandardCharsets.UTF_8)).doesNotContain("19.16.32.32");

        TradernetWorld.Session b =
                h.world.open("virtual@virtual.com", "SMS", t0.plusSeconds(60), Duration.ofHours(2), "203.0.113.7");
        h.awaitEvents(2);
        h.world.prolong(a.id(), a.expire().plus(Duration.ofHours(1)));
        h.awaitEvents(3);
        h.world.close(b.id());
        h.awaitEvents(4);
        // expires 1.5 s from now: the expiry check ends it at its expire_datetime even though the vendor still lists it
        Instant soon = Instant.now().plusMillis(1500).truncatedTo(ChronoUnit.MILLIS);
        TradernetWorld.Session c = h.world.open(
                "virtual@virtual.com", "SMS", soon.minusSeconds(30), Duration.ofSeconds(30), "198.51.100.23");
        List<SessionEvent> all = h.awaitEvents(6);
        assertThat(h.eventsBeforeBarrier()).as("unchanged lists and expire countdowns publish nothing").hasSize(6);

        assertThat(all).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().recovered())
                .containsExactly(
                        tuple(id(a), STARTED, false),
                        tuple(id(b), STARTED, false),
                        tuple(id(a), UPDATED, false),
                        tuple(id(b), ENDED, false),
                        tuple(id(c), STARTED, false),
                        tuple(id(c), ENDED, false));
        assertThat(all.get(2).data().scheduledEnd()).isEqualTo(t0.plus(Duration.ofHours(25)));
        SessionEvent expired = all.get(5);
        assertThat(expired.time()).isEqualTo(c.expire());
        assertThat(expired.data().endedAt()).isEqualTo(c.expire());
        assertThat(expired.data().durationSeconds()).isEqualTo(30);
        assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();

        try (TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            assertThat(raw.awaitCount(1, TradernetHarness.WAIT)).as("the raw topic keeps the vendor's IP")
                    .anySatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).contains("19.16.32.32"));
        }
    }

    @Test
    void afterADropEveryTransitionArrivesExactlyOnceAndMissedOnesAreMarkedRecovered() {
        TradernetWorld.Session a =
                h.world.open("virtual@virtual.com", "Login, password", t0, Duration.ofHours(24), "19.16.32.32");
        TradernetWorld.Session b = h.world.open("virtual@virtual.com", "SMS", t0, Duration.ofHours(24), "203.0.113.7");
        var pipeline = h.start("websocket", java.util.Map.of("sessionflow.tradernet.reconnect-initial-delay", "1500ms"));
        h.awaitEvents(2);
        h.awaitSubscribed();

        // the connection drops and the SID stops working; while the feed is down the world changes
        Instant dropped = Instant.now();
        h.vendor.dropConnections();
        h.vendor.invalidateSids();
        h.world.close(a.id());
        TradernetWorld.Session c =
                h.world.open("virtual@virtual.com", "SMS", t0.plusSeconds(5), Duration.ofHours(24), "192.0.2.44");
        h.world.prolong(b.id(), b.expire().plus(Duration.ofHours(1)));

        List<SessionEvent> recovered = h.awaitEvents(5);
        h.awaitSubscribed();
        // live again: a change after the reconnect comes from the feed, not recovered
        h.world.close(c.id());
        List<SessionEvent> all = h.awaitEvents(6);
        assertThat(h.eventsBeforeBarrier()).as("no duplicates from the overlap of snapshot and feed").hasSize(6);

        assertThat(recovered.subList(2, 5))
                .extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data()
                        .recovered())
                .containsExactlyInAnyOrder(
                        tuple(id(a), ENDED, true), tuple(id(c), STARTED, true), tuple(id(b), UPDATED, true));
        assertThat(all.get(5)).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().recovered())
                .containsExactly(id(c), ENDED, false);
        assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
        assertThat(h.vendor.loginCount()).as("a fresh login replaced the dead SID").isGreaterThanOrEqualTo(2);

        // completeness: the reconnect snapshot vouches for its own time; while the feed was down (expiry checks went
        // on every 200 ms) nothing did, beyond the moment it took the client to notice the drop
        Instant snapshot;
        try (TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            snapshot = raw.awaitUntil(rs -> rs.stream().anyMatch(r -> isSnapshotAfter(r, dropped)), TradernetHarness.WAIT)
                    .stream().filter(r -> isSnapshotAfter(r, dropped)).map(TradernetRouteTest::fetchedAt)
                    .min(Instant::compareTo).orElseThrow();
        }
        try (TopicReader watermarks = pipeline.read(pipeline.topics().watermarks())) {
            List<Instant> upTo = watermarks.awaitUntil(ws -> ws.stream().anyMatch(w -> upTo(w).equals(snapshot))
                    && ws.stream().anyMatch(w -> upTo(w).isAfter(snapshot)), TradernetHarness.WAIT)
                    .stream().map(TradernetRouteTest::upTo).toList();
            assertThat(upTo).as("no watermark while the feed was down (dropped %s, snapshot %s)", dropped, snapshot)
                    .noneMatch(t -> t.isAfter(dropped.plusMillis(300)) && t.isBefore(snapshot));
            assertThat(upTo).as("watermarks advance after the reconnect").anyMatch(t -> t.isAfter(snapshot));
        }
    }

    private static boolean isSnapshotAfter(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r,
                                           Instant after) {
        return new String(r.headers().lastHeader("sessionflow-endpoint").value(), StandardCharsets.UTF_8)
                .equals(TradernetApi.SNAPSHOT_ENDPOINT + TradernetBatches.RECOVERY_SUFFIX)
                && fetchedAt(r).isAfter(after);
    }

    private static Instant fetchedAt(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r) {
        return Instant.parse(new String(r.headers().lastHeader("sessionflow-fetched-at").value(), StandardCharsets.UTF_8));
    }

    private static Instant upTo(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r) {
        try {
            return EventJson.mapper().readValue(r.value(), io.sessionflow.publish.WatermarkRecord.class).upTo();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String id(TradernetWorld.Session s) {
        return String.valueOf(s.id());
    }
}
