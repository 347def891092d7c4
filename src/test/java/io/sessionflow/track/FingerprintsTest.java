package io.sessionflow.track;

import io.sessionflow.source.storyclm.StoryclmModule;

import io.sessionflow.source.webinar.WebinarModule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionStatus;
import io.sessionflow.event.SystemId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shortcut for unchanged sessions gives exactly the digest hashing would, and never hides a change. */
class FingerprintsTest {
    private final SessionData deck = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, "a").title("Deck")
            .attribute("slides", 3L).build();

    private KnownSession known(SessionData data) {
        return new KnownSession(null, "sessionflow/storyclm", List.of(EventType.SESSION_STARTED),
                Fingerprints.of(data), Set.of(), Set.of(), data.withStatus(SessionStatus.STARTED));
    }

    @Test
    void unchangedDataReusesTheKnownDigestWhichEqualsAFreshOne() {
        assertThat(Fingerprints.of(deck, known(deck))).isEqualTo(Fingerprints.of(deck));
        assertThat(Fingerprints.of(deck.withStatus(SessionStatus.ENDED), known(deck))).isEqualTo(Fingerprints.of(deck));
    }

    @Test
    void digestIsStillTheHashOfTheMappersJsonSoStoredFingerprintsAndUpdateIdsStay() throws Exception {
        SessionData full = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, "6345")
                .title("Вебинар \"A\"")
                .startedAt(java.time.Instant.parse("2026-11-20T09:05:00.250Z"))
                .owner(new io.sessionflow.event.Person("274", "Yuri", null, null, null))
                .attribute("lectors", List.of("274"))
                .attribute("access", 1L)
                .build()
                .withStatus(SessionStatus.STARTED);
        for (SessionData d : List.of(deck, full)) {
            byte[] json = io.sessionflow.testing.DatabindReference.bytes(
                    d.withStatus(null).withMarks(null, false, false));
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(json);
            assertThat(Fingerprints.of(d)).isEqualTo(java.util.HexFormat.of().formatHex(sha, 0, 16));
        }
    }

    @Test
    void anyMeaningfulChangeIsHashedAnew() {
        SessionData moreSlides = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, "a")
                .title("Deck")
                .attribute("slides", 4L)
                .build();
        SessionData renamed = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, "a")
                .title("Deck v2")
                .attribute("slides", 3L)
                .build();

        assertThat(Fingerprints.of(moreSlides, known(deck))).isEqualTo(Fingerprints.of(moreSlides))
                .isNotEqualTo(Fingerprints.of(deck));
        assertThat(Fingerprints.of(renamed, known(deck))).isEqualTo(Fingerprints.of(renamed))
                .isNotEqualTo(Fingerprints.of(deck));
        assertThat(Fingerprints.of(deck, null)).isEqualTo(Fingerprints.of(deck));
    }
}
