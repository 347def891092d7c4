package io.sessionflow.source.deskchat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.source.Json;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.track.Milestone;
import io.sessionflow.track.ParticipantVisit;
import io.sessionflow.track.SessionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat to a canonical session: {@code waiting} is created, {@code active} started (an agent answered) with the
 * customer as participant, {@code closed} ended, the customer leaving with it.
 */
final class DeskchatMapper implements SessionMapper<DeskchatPayload> {
    private static final List<String> STATES = List.of("waiting", "active", "closed");

    @Override
    public SessionSnapshot map(SourceRecord<DeskchatPayload> record, Instant now) {
        JsonNode c = record.payload().chat();
        String id = Json.requiredText(c, "id", "Deskchat chat");
        String what = "Deskchat chat " + id;
        String state = Json.requiredText(c, "state", what);
        if (!STATES.contains(state)) {
            throw new UnmappableRecordException(what + " has unknown state '" + state + "'");
        }
        Instant opened = time(c, "opened_at", what);
        Instant answered = state.equals("waiting") ? null : time(c, "answered_at", what);
        Instant closed = state.equals("closed") ? time(c, "closed_at", what) : null;
        if (opened == null) {
            throw new UnmappableRecordException(what + " has no 'opened_at'");
        }
        String agent = Json.text(c.path("agent"), "email");
        SessionData data = SessionData.builder(DeskchatModule.SYSTEM, DeskchatModule.KIND, id)
                .title(Json.text(c, "topic"))
                .startedAt(answered)
                .endedAt(closed)
                .durationSeconds(answered != null && closed != null ? Duration.between(answered, closed).toSeconds()
                        : null)
                .owner(agent == null ? null : Person.email(agent))
                .build();
        List<Milestone> milestones = new ArrayList<>(List.of(Milestone.reported(EventType.SESSION_CREATED, opened)));
        if (answered != null) {
            milestones.add(Milestone.reported(EventType.SESSION_STARTED, answered));
        }
        if (closed != null) {
            milestones.add(Milestone.reported(EventType.SESSION_ENDED, closed));
        }
        String customer = Json.text(c.path("customer"), "name");
        List<ParticipantVisit> visits = answered == null || customer == null ? List.of()
                : List.of(new ParticipantVisit("customer", new Person(null, customer, null, null, "customer"),
                        answered, closed));
        return new SessionSnapshot(null, null, data, milestones, visits, null);
    }

    /** The snapshot comes from the chat alone; the clock plays no part. */
    @Override
    public boolean readsOnlyItsRecord() {
        return true;
    }

    private static Instant time(JsonNode c, String field, String what) {
        String v = Json.text(c, field);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new UnmappableRecordException(what + " field '" + field + "': unreadable time '" + v + "'");
        }
    }
}
