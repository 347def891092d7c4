package io.sessionflow.verify;

import io.sessionflow.source.webinar.WebinarModule;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamChecksTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static SessionEvent event(String session, EventType type, String participant) {
        SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, session)
                .status(type.resultingStatus())
                .build();
        if (participant != null) {
            data = data.withMarks(new Person(participant, null, null, null, null), false, false);
        }
        return SessionEvent.of(EventIds.of(WebinarModule.SYSTEM, session, type, participant == null ? "" : participant),
                "sessionflow/webinar", type, T, data);
    }

    @Test
    void aCleanStreamMatchingItsExpectationIsOk() {
        List<SessionEvent> events = List.of(event("1", EventType.SESSION_SCHEDULED, null),
                event("1", EventType.SESSION_STARTED, null), event("1", EventType.PARTICIPANT_JOINED, "7"),
                event("1", EventType.PARTICIPANT_LEFT, "7"), event("1", EventType.SESSION_ENDED, null));
        VerifyReport report = StreamChecks.check(events, events.stream().map(ExpectedTransition::of).toList());
        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(report.events()).isEqualTo(5);
        assertThat(report.distinctIds()).isEqualTo(5);
    }

    @Test
    void duplicatesOrderViolationsGapsAndExtrasAreAllReported() {
        SessionEvent started = event("1", EventType.SESSION_STARTED, null);
        List<SessionEvent> events = List.of(event("1", EventType.SESSION_ENDED, null), started, started,
                event("2", EventType.PARTICIPANT_LEFT, "9"), event("3", EventType.SESSION_SCHEDULED, null));
        List<ExpectedTransition> expected = List.of(ExpectedTransition.of(started),
                ExpectedTransition.of(event("1", EventType.SESSION_ENDED, null)),
                ExpectedTransition.of(event("4", EventType.SESSION_SCHEDULED, null)));
        VerifyReport report = StreamChecks.check(events, expected);
        assertThat(report.ok()).isFalse();
        assertThat(report.duplicateIds()).containsExactly(started.id());
        assertThat(report.orderViolations()).containsExactly(
                "webinar:1: sessionflow.session.started after a later or equal step",
                "webinar:1: sessionflow.session.started after a later or equal step",
                "webinar:2: participant 9 left before joining");
        assertThat(report.missing())
                .containsExactly(new ExpectedTransition("webinar:4", "sessionflow.session.scheduled", null));
        assertThat(report.unexpected()).containsExactlyInAnyOrder(
                new ExpectedTransition("webinar:1", "sessionflow.session.started", null),
                new ExpectedTransition("webinar:2", "sessionflow.participant.left", "9"),
                new ExpectedTransition("webinar:3", "sessionflow.session.scheduled", null));
        assertThat(report.text()).contains("duplicate ids     1").endsWith("FAILED" + System.lineSeparator());
    }

    /** Issue 14 item 4: a concluded end undone is in order; a reopen of a session that was never closed is not. */
    @Test
    void aReopenAfterAnEndOrADeletionIsInOrderAndTheStepsAfterItToo() {
        List<SessionEvent> events = List.of(event("1", EventType.SESSION_STARTED, null),
                event("1", EventType.SESSION_ENDED, null), reopened("1", "1", EventType.SESSION_STARTED),
                lifecycle("1", EventType.SESSION_ENDED, "reopen-1"),
                event("2", EventType.SESSION_SCHEDULED, null), event("2", EventType.SESSION_DELETED, null),
                reopened("2", "1", EventType.SESSION_SCHEDULED), lifecycle("2", EventType.SESSION_STARTED, "reopen-1"),
                event("3", EventType.SESSION_STARTED, null), reopened("3", "1", EventType.SESSION_STARTED));
        VerifyReport report = StreamChecks.check(events, null);
        assertThat(report.duplicateIds()).isEmpty();
        assertThat(report.orderViolations()).containsExactly(
                "webinar:3: sessionflow.session.reopened of a session that was not closed");
    }

    private static SessionEvent reopened(String session, String reopen, EventType backTo) {
        SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, session)
                .status(backTo.resultingStatus()).build();
        return SessionEvent.of(EventIds.of(WebinarModule.SYSTEM, session, EventType.SESSION_REOPENED, reopen),
                "sessionflow/webinar", EventType.SESSION_REOPENED, T, data);
    }

    private static SessionEvent lifecycle(String session, EventType type, String discriminator) {
        SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, session)
                .status(type.resultingStatus()).build();
        return SessionEvent.of(EventIds.of(WebinarModule.SYSTEM, session, type, discriminator), "sessionflow/webinar",
                type, T, data);
    }
}
