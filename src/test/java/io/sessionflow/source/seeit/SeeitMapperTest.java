package io.sessionflow.source.seeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
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

/** Seeit fixtures (PagedSessionDetails, SessionDetails) through the mapper and a fresh tracker. */
class SeeitMapperTest {
    private static final String DIR = "fixtures/seeit/";
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
    private final SeeitMapper mapper = new SeeitMapper();

    @Test
    void pageOfSessionsYieldsEveryStepReachedWithSkippedStepsInferred() {
        List<SessionEvent> events = poll(page("sessions-page.json"), Instant.parse("2026-11-20T09:10:00Z"));

        ExpectedEvents.assertMatch(events, DIR + "sessions-page.expected.json");
    }

    @Test
    void joinedSessionThatFinishesEndsAndTheMobileAppLeaves() {
        poll(page("sessions-page.json"), Instant.parse("2026-11-20T09:10:00Z"));

        List<SessionEvent> events = poll(single("session-joined-then-finished.json"), Instant.parse("2026-11-20T09:25:00Z"));

        ExpectedEvents.assertMatch(events, DIR + "session-joined-then-finished.expected.json");
    }

    @Test
    void sessionDataBecomingAvailableIsAnUpdate() {
        poll(page("sessions-page.json"), Instant.parse("2026-11-20T09:10:00Z"));
        poll(single("session-joined-then-finished.json"), Instant.parse("2026-11-20T09:25:00Z"));

        List<SessionEvent> events = poll(single("session-data-available.json"), Instant.parse("2026-11-20T10:00:00Z"));

        ExpectedEvents.assertMatch(events, DIR + "session-data-available.expected.json");
    }

    @Test
    void samePageAgainYieldsNothing() {
        poll(page("sessions-page.json"), Instant.parse("2026-11-20T09:10:00Z"));

        assertThat(poll(page("sessions-page.json"), Instant.parse("2026-11-20T09:11:00Z"))).isEmpty();
    }

    @Test
    void unknownStatusIsRefusedWithTheReason() {
        ObjectNode session = (ObjectNode) Fixtures.json(DIR + "session-joined-then-finished.json");
        session.put("sessionStatus", "PAUSED");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessage("Seeit session 4c5d6e7f-9081-4cab-bf90-5b6c7d8e9fa4 has unknown sessionStatus 'PAUSED'");
    }

    @Test
    void uuidThatIsNoUuidIsRefusedSinceItWouldBecomeAUrlPath() {
        ObjectNode session = (ObjectNode) Fixtures.json(DIR + "session-joined-then-finished.json");
        session.put("uuid", "../../admin");

        assertThatThrownBy(() -> mapper.map(record(session), Instant.now()))
                .isInstanceOf(UnmappableRecordException.class)
                .hasMessageContaining("is not a UUID");
    }

    private List<SessionEvent> poll(List<SourceRecord<SeeitPayload>> records, Instant now) {
        Transitions t = tracker.diff(SeeitModule.SYSTEM, records.stream().map(r -> mapper.map(r, now)).toList(),
                Set.of(), MissingPolicy.IGNORE, now);
        tracker.commit(t);
        return t.events();
    }

    private static List<SourceRecord<SeeitPayload>> page(String fixture) {
        return SeeitPage.of(Fixtures.json(DIR + fixture)).content().stream().map(SeeitMapperTest::record).toList();
    }

    private static List<SourceRecord<SeeitPayload>> single(String fixture) {
        return List.of(record(Fixtures.json(DIR + fixture)));
    }

    private static SourceRecord<SeeitPayload> record(JsonNode details) {
        return new SourceRecord<>(null, "GET /sessions", new SeeitPayload(details), details.toString());
    }
}
