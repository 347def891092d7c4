package io.sessionflow.source.storyclm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.Json;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.testing.ExpectedEvents;
import io.sessionflow.testing.Fixtures;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** StoryCLM envelopes from the vendor document through the envelope check, the mapper and a fresh tracker. */
class StoryclmMapperTest {
    private static final String DIR = "fixtures/storyclm/";
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
    private final StoryclmMapper mapper = new StoryclmMapper();

    @Test
    void documentExampleOfFinishedSessionsYieldsInferredStartAndEndInUtc() {
        ExpectedEvents.assertMatch(poll("getsessions.json", "2017-06-10T00:00:00Z"), DIR + "getsessions.expected.json");
    }

    @Test
    void flagsFlippedSessionsStartedAndSessionGoneFromTheListAreUpdateStartedDeleted() {
        poll("getsessions.json", "2017-06-10T00:00:00Z");

        ExpectedEvents.assertMatch(poll("getsessions-later.json", "2017-06-13T10:00:00Z"),
                DIR + "getsessions-later.expected.json");
    }

    @Test
    void runningSessionThatFinishesEndsAndSlideChangesAreUpdates() {
        poll("getsessions.json", "2017-06-10T00:00:00Z");
        poll("getsessions-later.json", "2017-06-13T10:00:00Z");

        ExpectedEvents.assertMatch(poll("getsessions-finished.json", "2017-06-13T11:00:00Z"),
                DIR + "getsessions-finished.expected.json");
    }

    @Test
    void sameListAgainYieldsNothing() {
        poll("getsessions.json", "2017-06-10T00:00:00Z");

        assertThat(poll("getsessions.json", "2017-06-10T00:01:00Z")).isEmpty();
    }

    @Test
    void getsessionbyidEnvelopeMapsLikeAListedSession() {
        JsonNode data = StoryclmEnvelope.of(Fixtures.json(DIR + "getsessionbyid.json"), "getsessionbyid").data();
        Instant now = Instant.parse("2017-06-14T00:00:00Z");

        Transitions t = tracker.diff(StoryclmModule.SYSTEM, List.of(mapper.map(record(data), now)),
                Set.of(), MissingPolicy.DELETED, now);

        ExpectedEvents.assertMatch(t.events(), DIR + "getsessionbyid.expected.json");
    }

    @Test
    void errorEnvelopeIsAnErrorQuotingCodeStatusAndMessage() {
        assertThatThrownBy(() -> StoryclmEnvelope.of(Fixtures.json(DIR + "error-envelope.json"), "getsessions"))
                .isInstanceOf(StoryclmCommandException.class)
                .hasMessage("StoryCLM getsessions failed: ErrorCode 401, Status 'unauthorized', "
                        + "ErrorMessage 'Access token has expired'")
                .satisfies(e -> assertThat(((StoryclmCommandException) e).errorCode()).isEqualTo(401));
    }

    @Test
    void sessionWithoutOffsetIsRefusedRatherThanPlacedInTheWrongHour() {
        ObjectNode session = (ObjectNode) sessions("getsessions.json").get(0).deepCopy();
        session.remove("offset");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessage("StoryCLM session 46DAE276897C43B0B27BE522AE7774AA: no 'offset', so its local times "
                        + "cannot be placed in UTC");
    }

    @Test
    void fractionalOffsetIsHonoured() {
        ObjectNode session = (ObjectNode) sessions("getsessions.json").get(0).deepCopy();
        session.put("offset", "5.5");

        assertThat(mapper.map(record(session), Instant.now()).data().startedAt())
                .isEqualTo(Instant.parse("2017-06-09T13:30:48Z"));
    }

    private List<SessionEvent> poll(String fixture, String at) {
        Instant now = Instant.parse(at);
        Transitions t = tracker.diff(StoryclmModule.SYSTEM,
                sessions(fixture).stream().map(s -> mapper.map(record(s), now)).toList(),
                Set.of(StoryclmFetcher.SCOPE), MissingPolicy.DELETED, now);
        tracker.commit(t);
        return t.events();
    }

    private static List<JsonNode> sessions(String fixture) {
        return Json.elements(StoryclmEnvelope.of(Fixtures.json(DIR + fixture), "getsessions").data());
    }

    private static SourceRecord<StoryclmPayload> record(JsonNode session) {
        return new SourceRecord<>(StoryclmFetcher.SCOPE, "POST getsessions", new StoryclmPayload(session),
                session.toString());
    }
}
