package io.sessionflow.report;

import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** What the events of one session say about it, folded in event order: the latest value of each fact wins. */
final class SessionFacts {
    final String system;
    final String sessionId;
    String title;
    Instant startedAt;
    Instant endedAt;
    Long durationSeconds;
    final Set<String> participants = new TreeSet<>();

    SessionFacts(String system, String sessionId) {
        this.system = system;
        this.sessionId = sessionId;
    }

    void add(SessionEvent event) {
        SessionData d = event.data();
        title = d.title() != null ? d.title() : title;
        startedAt = d.startedAt() != null ? d.startedAt() : startedAt;
        endedAt = d.endedAt() != null ? d.endedAt() : endedAt;
        durationSeconds = d.durationSeconds() != null ? d.durationSeconds() : durationSeconds;
        if (event.type() == EventType.SESSION_STARTED && startedAt == null) {
            startedAt = event.time();
        }
        if (event.type() == EventType.SESSION_ENDED && endedAt == null) {
            endedAt = event.time();
        }
        if (event.type() == EventType.PARTICIPANT_JOINED && d.participant() != null) {
            participants.add(identity(d.participant()));
        }
    }

    /** Seconds between start and end; the vendor's own figure when it gave one. */
    Long duration() {
        if (durationSeconds != null) {
            return durationSeconds;
        }
        return startedAt != null && endedAt != null ? endedAt.getEpochSecond() - startedAt.getEpochSecond() : null;
    }

    /** The same person joining twice (two visits) counts once: the most specific identity the vendor gave. */
    private static String identity(Person p) {
        if (p.id() != null) {
            return "id:" + p.id();
        }
        if (p.email() != null) {
            return "email:" + p.email();
        }
        return "name:" + p.name();
    }
}
