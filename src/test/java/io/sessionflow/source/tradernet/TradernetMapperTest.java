package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.RawPayload;
import io.sessionflow.testing.MapperFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The vendor document's example message and the exact events it must produce. */
class TradernetMapperTest {
    private static final String DURING = "2016-06-14T13:20:00Z";
    private static final String AFTER_EXPIRY = "2016-06-15T14:00:00Z";
    private TradernetBatches batches;
    /** The feed's path: a message read as the WebSocket transport reads it, then the account's batches. */
    private final MapperFixtures fixtures = MapperFixtures.of(TradernetModule.SYSTEM, (tracker, clock) -> {
        batches = new TradernetBatches(SourceAccount.defaultOf(TradernetModule.SYSTEM),
                new TradernetMapper(IpMasker.withKey("k")), tracker, clock);
        return text -> {
            FeedEvent.Sessions feed = (FeedEvent.Sessions) WebSocketTransport.read(
                    new String(text, StandardCharsets.UTF_8));
            return batches.toBatch(new TradernetMessage(TradernetMessage.Kind.FEED, "ws [\"sessions\"]", feed.raw(),
                    feed.sessions(), null, clock.instant(), System.nanoTime(), false));
        };
    });

    @Test
    void theDocumentsExampleIsAStartedSecuritySession() {
        fixtures.check("sessions-message", DURING);
    }

    @Test
    void aSessionWhoseExpiryPassedEndsAtItsExpireTime() {
        fixtures.poll("sessions-message", DURING);
        fixtures.clock().set(Instant.parse(AFTER_EXPIRY));

        PollBatch check = fixtures.check("expiry-check",
                batches.toBatch(TradernetMessage.expiryCheck(Instant.parse(AFTER_EXPIRY))));

        assertThat(check.raw()).as("a check that ended something is archived, without a body, for re-derivation")
                .extracting(RawPayload::endpoint, r -> r.body().length)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TradernetBatches.EXPIRY_CHECK_ENDPOINT, 0));
    }

    /**
     * The same session as the document's example, its times written in the vendor's Moscow time (no zone, as the
     * document writes them) with a countdown that matches: the countdown shows the zone, so the events are the
     * example's exactly, and the expiry check ends it at its true expiry (14:00Z is after 13:14Z, before 16:14Z).
     */
    @Test
    void aListWrittenInTheVendorsLocalTimeIsReadInTheZoneItsCountdownShows() {
        // the example's events exactly: the document's case names what they must be
        fixtures.check("sessions-message", fixtures.poll("sessions-message-moscow", DURING));
        fixtures.clock().set(Instant.parse(AFTER_EXPIRY));

        fixtures.check("expiry-check", batches.toBatch(TradernetMessage.expiryCheck(Instant.parse(AFTER_EXPIRY))));
    }

    @Test
    void aCountdownThatShowsNoZoneLeavesTheDocumentsUtc() {
        TradernetMessage m = message(
                "[\"sessions\", [{\"id\": 1, \"start_datetime\": \"2016-06-14T13:14:13.187\", "
                + "\"expire_datetime\": \"2016-06-15T13:14:13.187\", \"expire\": 86053187}]]");
        assertThat(TradernetTimes.offsetOf(m.sessions(), Instant.parse(DURING).plusSeconds(400), ZoneOffset.UTC))
                .as("6 min 40 s off a quarter hour")
                .isEqualTo(ZoneOffset.UTC);
        assertThat(TradernetTimes.offsetOf(m.sessions(), Instant.parse(DURING).minusSeconds(10 * 3600), ZoneOffset.UTC))
                .as("written 10 hours ahead of UTC").isEqualTo(ZoneOffset.ofHours(10));
        assertThat(TradernetTimes.offsetOf(
                        m.sessions(), Instant.parse(DURING).minus(Duration.ofHours(15)), ZoneOffset.UTC))
                .as("no zone is 15 hours ahead")
                .isEqualTo(ZoneOffset.UTC);
        TradernetMessage expired = message(
                "[\"sessions\", [{\"id\": 1, \"expire_datetime\": \"2016-06-15T13:14:13.187\", " + "\"expire\": 0}]]");
        assertThat(TradernetTimes.offsetOf(expired.sessions(), Instant.parse(DURING), ZoneOffset.ofHours(3)))
                .as("nothing counts down: what earlier lists showed").isEqualTo(ZoneOffset.ofHours(3));
    }

    @Test
    void theExpireCountdownAloneChangesNothing() {
        fixtures.poll("sessions-message", DURING);

        assertThat(fixtures.poll("sessions-message", DURING, text -> text.replace("85299", "1234")).events())
                .isEmpty();
    }

    /** A feed message as the WebSocket transport reads it, received while the example's session runs. */
    private static TradernetMessage message(String text) {
        FeedEvent.Sessions feed = (FeedEvent.Sessions) WebSocketTransport.read(text);
        return new TradernetMessage(TradernetMessage.Kind.FEED, "ws [\"sessions\"]", feed.raw(), feed.sessions(), null,
                Instant.parse(DURING), System.nanoTime(), false);
    }
}
