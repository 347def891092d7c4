package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.SessionEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Tradernet server that writes its zone-less times in Moscow time, with the countdown {@code expire} as the
 * document shows it: the pipeline reads the zone from the countdown, so the start is the true instant and the
 * expiry check ends the session at its true expiry, not three hours later.
 */
class TradernetTimeZoneTest {
    private final TradernetHarness h = new TradernetHarness(ZoneId.of("Europe/Moscow"));

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void timesWrittenInTheVendorsZoneKeepTheirInstantsAndDriveTheExpiryCheck() {
        h.start("websocket");
        h.awaitSubscribed();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS).minus(Duration.ofMinutes(30));
        Instant expiry = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(3);
        TradernetWorld.Session s = h.world.open("virtual@virtual.com", "SMS", start, Duration.between(start, expiry),
                "19.16.32.32");
        assertThat(h.awaitEvents(2)).extracting(e -> e.type().type(), SessionEvent::time, e -> e.data().scheduledEnd())
                .containsExactly(
                        tuple("sessionflow.session.started", start, expiry),
                        tuple("sessionflow.session.ended", expiry, expiry));
        assertThat(h.world.sessions())
                .as("still listed: the expiry check ended it")
                .extracting(TradernetWorld.Session::id)
                .containsExactly(s.id());
    }
}
