package io.sessionflow.source.tradernet;

import io.sessionflow.event.SourceAccount;

import io.sessionflow.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.PollBatch;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The vendor document's example message and the exact events it must produce. */
class TradernetMapperTest {
    private static final Instant DURING = Instant.parse("2016-06-14T13:20:00Z");
    private static final Instant AFTER_EXPIRY = Instant.parse("2016-06-15T14:00:00Z");

    @Test
    void theDocumentsExampleIsAStartedSecuritySession() throws IOException {
        List<SessionEvent> events = batches(DURING).toBatch(message()).events();
        assertThat(json(events)).isEqualTo(fixture("expected-started.json"));
    }

    @Test
    void aSessionWhoseExpiryPassedEndsAtItsExpireTime() throws IOException {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        MutableClock clock = new MutableClock(DURING);
        TradernetBatches batches = new TradernetBatches(SourceAccount.defaultOf(TradernetModule.SYSTEM), new TradernetMapper(IpMasker.withKey("k")), tracker, clock);
        tracker.commit(batches.toBatch(message()).transitions());
        clock.set(AFTER_EXPIRY);
        PollBatch check = batches.toBatch(TradernetMessage.expiryCheck(AFTER_EXPIRY));
        assertThat(check.raw()).isEmpty();
        assertThat(json(check.events())).isEqualTo(fixture("expected-expired.json"));
    }

    /**
     * The same session as the document's example, its times written in the vendor's Moscow time (no zone, as the
     * document writes them) with a countdown that matches: the countdown shows the zone, so the events are the
     * example's exactly, and the expiry check ends it at its true expiry (14:00Z is after 13:14Z, before 16:14Z).
     */
    @Test
    void aListWrittenInTheVendorsLocalTimeIsReadInTheZoneItsCountdownShows() throws IOException {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        MutableClock clock = new MutableClock(DURING);
        TradernetBatches batches = new TradernetBatches(SourceAccount.defaultOf(TradernetModule.SYSTEM),
                new TradernetMapper(IpMasker.withKey("k")), tracker, clock);
        PollBatch started = batches.toBatch(message(new String(read("sessions-message-moscow.json"),
                StandardCharsets.UTF_8)));
        assertThat(json(started.events())).isEqualTo(fixture("expected-started.json"));
        tracker.commit(started.transitions());
        clock.set(AFTER_EXPIRY);
        PollBatch check = batches.toBatch(TradernetMessage.expiryCheck(AFTER_EXPIRY));
        assertThat(json(check.events())).isEqualTo(fixture("expected-expired.json"));
    }

    @Test
    void aCountdownThatShowsNoZoneLeavesTheDocumentsUtc() {
        TradernetMessage m = message("[\"sessions\", [{\"id\": 1, \"start_datetime\": \"2016-06-14T13:14:13.187\", "
                + "\"expire_datetime\": \"2016-06-15T13:14:13.187\", \"expire\": 86053187}]]");
        assertThat(TradernetTimes.offsetOf(m.sessions(), DURING.plusSeconds(400), ZoneOffset.UTC))
                .as("6 min 40 s off a quarter hour")
                .isEqualTo(ZoneOffset.UTC);
        assertThat(TradernetTimes.offsetOf(m.sessions(), DURING.minusSeconds(10 * 3600), ZoneOffset.UTC))
                .as("written 10 hours ahead of UTC").isEqualTo(ZoneOffset.ofHours(10));
        assertThat(TradernetTimes.offsetOf(m.sessions(), DURING.minus(java.time.Duration.ofHours(15)), ZoneOffset.UTC))
                .as("no zone is 15 hours ahead").isEqualTo(ZoneOffset.UTC);
        TradernetMessage expired = message("[\"sessions\", [{\"id\": 1, \"expire_datetime\": \"2016-06-15T13:14:13.187\", "
                + "\"expire\": 0}]]");
        assertThat(TradernetTimes.offsetOf(expired.sessions(), DURING, ZoneOffset.ofHours(3)))
                .as("nothing counts down: what earlier lists showed").isEqualTo(ZoneOffset.ofHours(3));
    }

    @Test
    void theExpireCountdownAloneChangesNothing() throws IOException {
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        TradernetBatches batches = new TradernetBatches(SourceAccount.defaultOf(TradernetModule.SYSTEM), new TradernetMapper(IpMasker.withKey("k")), tracker,
                Clock.fixed(DURING, ZoneOffset.UTC));
        tracker.commit(batches.toBatch(message()).transitions());
        TradernetMessage later = message(new String(read("sessions-message.json"), StandardCharsets.UTF_8)
                .replace("85299", "1234"));
        assertThat(batches.toBatch(later).events()).isEmpty();
    }

    private static TradernetBatches batches(Instant now) {
        return new TradernetBatches(SourceAccount.defaultOf(TradernetModule.SYSTEM), new TradernetMapper(IpMasker.withKey("k")),
                new SessionTracker(new InMemoryKnownSessions()), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static TradernetMessage message() throws IOException {
        return message(new String(read("sessions-message.json"), StandardCharsets.UTF_8));
    }

    private static TradernetMessage message(String text) {
        FeedEvent.Sessions feed = (FeedEvent.Sessions) WebSocketTransport.read(text);
        return new TradernetMessage(TradernetMessage.Kind.FEED, "ws [\"sessions\"]", feed.raw(), feed.sessions(), null,
                DURING, System.nanoTime(), false);
    }

    private static JsonNode json(List<SessionEvent> events) throws IOException {
        return EventJson.mapper().readTree(EventJson.mapper().writeValueAsBytes(events));
    }

    private static JsonNode fixture(String name) throws IOException {
        return EventJson.mapper().readTree(read(name));
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = TradernetMapperTest.class.getResourceAsStream("/fixtures/tradernet/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return in.readAllBytes();
        }
    }
}
