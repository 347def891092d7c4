package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.PollBatch;
import io.sessionflow.testing.MapperFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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

        assertThat(check.raw()).isEmpty();
    }

    @Test
    void theExpireCountdownAloneChangesNothing() {
        fixtures.poll("sessions-message", DURING);

        assertThat(fixtures.poll("sessions-message", DURING, text -> text.replace("85299", "1234")).events())
                .isEmpty();
    }
}
