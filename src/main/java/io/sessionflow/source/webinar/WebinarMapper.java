package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Parent;
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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * webinar.ru EventSession to canonical session. Status ACTIVE is scheduled, START started, STOP ended;
 * {@code isDeleted} is deleted, and so is a 404 once the next poll answers 404 too (the tracker confirms it). Visitor
 * connections from the stats become participant visits.
 */
public final class WebinarMapper implements SessionMapper<WebinarPayload> {

    @Override
    public SessionSnapshot map(SourceRecord<WebinarPayload> record, Instant now) {
        WebinarPayload p = record.payload();
        if (p.isGone()) {
            return new SessionSnapshot(null, null, p.lastKnown(),
                    List.of(Milestone.notFound(EventType.SESSION_DELETED, false)), List.of(), null);
        }
        JsonNode s = p.eventSession();
        String id = Json.requiredText(s, "id", "webinar.ru event session");
        ZoneId zone = WebinarZones.ofSession(s);
        String status = Json.requiredText(s, "status", "webinar.ru event session " + id);
        Instant startsAt = time(s, "startsAt", zone, id);
        Instant endsAt = time(s, "endsAt", zone, id);
        Duration planned = WebinarDurations.planned(Json.text(s, "duration"));
        String eventId = Json.text(s, "eventId");
        JsonNode isRecording = s.get("isRecording");
        boolean started = status.equals("START") || status.equals("STOP");
        boolean ended = status.equals("STOP");
        if (!started && !status.equals("ACTIVE")) {
            throw new UnmappableRecordException("webinar.ru event session " + id + " has unknown status '"
                    + status + "'");
        }
        SessionData data = SessionData.builder(WebinarModule.SYSTEM, WebinarModule.KIND, id)
                .title(Json.text(s, "name"))
                .scheduledStart(started ? null : startsAt)
                .scheduledEnd(started || startsAt == null || planned == null ? null : startsAt.plus(planned))
                .startedAt(started ? startsAt : null)
                .endedAt(ended ? endsAt : null)
                .durationSeconds(ended && startsAt != null && endsAt != null
                        ? Duration.between(startsAt, endsAt).toSeconds() : null)
                .owner(owner(s))
                .parent(eventId == null ? null : new Parent("event", eventId))
                .attribute("access", Json.number(s, "access"))
                .attribute("lang", Json.text(s, "lang"))
                .attribute("isRecording", isRecording == null ? null : Json.flag(s, "isRecording"))
                .attribute("timezone", zone.getId().equals("Z") ? null : zone.getId())
                .attribute("plannedDurationSeconds", planned == null ? null : planned.toSeconds())
                .attribute("lectors", lectors(s))
                .build();
        return new SessionSnapshot(
                null,
                Json.text(s, "organizationId"),
                data,
                milestones(s, zone, status, startsAt, endsAt),
                visits(p, zone),
                WebinarTimes.parse(Json.text(s, "updateAt"), zone));
    }

    /**
     * The snapshot comes from the event session, its participations and the stats alone; the clock plays no
     * part. A deleted session's record carries what was known before, so its fetcher gives it no input.
     */
    @Override
    public boolean readsOnlyItsRecord() {
        return true;
    }

    private static List<Milestone> milestones(
            JsonNode s, ZoneId zone, String status, Instant startsAt, Instant endsAt) {
        List<Milestone> m = new ArrayList<>();
        m.add(Milestone.reported(EventType.SESSION_SCHEDULED, WebinarTimes.parse(Json.text(s, "createAt"), zone)));
        if (!status.equals("ACTIVE")) {
            m.add(Milestone.reported(EventType.SESSION_STARTED, startsAt));
        }
        if (status.equals("STOP")) {
            m.add(Milestone.reported(EventType.SESSION_ENDED,
                    endsAt != null ? endsAt : WebinarTimes.parse(Json.text(s, "updateAt"), zone)));
        }
        if (Json.flag(s, "isDeleted")) {
            m.add(Milestone.reported(EventType.SESSION_DELETED, WebinarTimes.parse(Json.text(s, "deleteAt"), zone)));
        }
        return m;
    }

    private static Instant time(JsonNode s, String field, ZoneId zone, String id) {
        try {
            return WebinarTimes.parse(Json.text(s, field), zone);
        } catch (UnmappableRecordException e) {
            throw new UnmappableRecordException("webinar.ru event session " + id + " field '" + field + "': "
                    + e.getMessage());
        }
    }

    /** Connection times written without an offset are the event's local time, as every other time of it. */
    private static List<ParticipantVisit> visits(WebinarPayload p, ZoneId zone) {
        Map<String, JsonNode> registrations = new HashMap<>();
        for (JsonNode r : p.participations()) {
            String userId = Json.text(r, "userId");
            if (userId != null) {
                registrations.put(userId, r);
            }
        }
        List<ParticipantVisit> visits = new ArrayList<>();
        for (WebinarPayload.Visitor v : p.visitors()) {
            String userId = Json.requiredText(v.user(), "id", "webinar.ru stats user");
            JsonNode registration = registrations.get(userId);
            Person person = new Person(userId, fullName(v.user()), Json.text(v.user(), "email"), null,
                    registration == null ? null : Json.text(registration, "role"));
            for (JsonNode c : v.connections()) {
                Instant joined = WebinarTimes.parse(Json.requiredText(c, "joined", "webinar.ru connection"), zone);
                Instant left = WebinarTimes.parse(Json.text(c, "leaved"), zone);
                visits.add(new ParticipantVisit(userId + "@" + joined.getEpochSecond(), person, joined, left));
            }
        }
        return visits;
    }

    private static Person owner(JsonNode s) {
        JsonNode u = s.get("createUser");
        if (u != null && u.isObject()) {
            return new Person(Json.text(u, "id"), fullName(u), Json.text(u, "email"), null, null);
        }
        String id = Json.text(s, "createUserId");
        return id == null ? null : new Person(id, null, null, null, null);
    }

    private static String fullName(JsonNode u) {
        String name = Json.text(u, "name");
        String second = Json.text(u, "secondName");
        String full = ((name == null ? "" : name) + " " + (second == null ? "" : second)).strip();
        return full.isEmpty() ? null : full;
    }

    /** Lectors come as a list, or as an object keyed by event id holding lists. */
    private static List<String> lectors(JsonNode s) {
        List<String> names = new ArrayList<>();
        for (JsonNode entry : Json.elements(s.get("lectors"))) {
            for (JsonNode lector : entry.isArray() ? Json.elements(entry) : List.of(entry)) {
                String name = fullName(lector);
                if (name != null) {
                    names.add(name);
                }
            }
        }
        return names.isEmpty() ? null : names;
    }
}
