package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Location;
import io.sessionflow.event.Parent;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.Json;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.track.Milestone;
import io.sessionflow.track.SessionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * StoryCLM session to canonical session. {@code finished} 0 is started, 1 ended; local times are moved to
 * UTC by {@code offset}. visit, confirmed, checkIn and slides are attributes, so a change of any of them
 * is an update. The presentation is the parent; the CLM user (userName) is the session's user.
 */
public final class StoryclmMapper implements SessionMapper<StoryclmPayload> {

    @Override
    public SessionSnapshot map(SourceRecord<StoryclmPayload> record, Instant now) {
        JsonNode s = record.payload().session();
        String id = Json.requiredText(s, "id", "StoryCLM session");
        String what = "StoryCLM session " + id;
        try {
            return snapshot(record.scope(), s, id);
        } catch (UnmappableRecordException e) {
            throw new UnmappableRecordException(what + ": " + e.getMessage());
        }
    }

    /** The snapshot comes from the session and its scope alone; the clock plays no part. */
    @Override
    public boolean readsOnlyItsRecord() {
        return true;
    }

    private static SessionSnapshot snapshot(String scope, JsonNode s, String id) {
        ZoneOffset offset = StoryclmTimes.offset(Json.text(s, "offset"));
        Instant start = StoryclmTimes.utc(Json.text(s, "start"), offset, "start");
        if (start == null) {
            throw new UnmappableRecordException("no 'start'");
        }
        boolean finished = Json.flag(s, "finished");
        Instant end = finished ? StoryclmTimes.utc(Json.text(s, "end"), offset, "end") : null;
        String userName = Json.text(s, "userName");
        String presentation = Json.text(s, "presentationId");
        SessionData data = SessionData.builder(StoryclmModule.SYSTEM, StoryclmModule.KIND, id)
                .startedAt(start)
                .endedAt(end)
                .durationSeconds(finished ? duration(s, start, end) : null)
                .user(userName == null ? null : user(userName))
                .parent(presentation == null ? null : new Parent("presentation", presentation))
                .location(location(s))
                .attribute("slides", Json.number(s, "slides"))
                .attribute("visit", flag(s, "visit"))
                .attribute("confirmed", flag(s, "confirmed"))
                .attribute("checkIn", flag(s, "checkIn"))
                .attribute("utcOffset", offset.getId())
                .build();
        List<Milestone> milestones = new ArrayList<>();
        milestones.add(Milestone.reported(EventType.SESSION_STARTED, start));
        if (finished) {
            milestones.add(Milestone.reported(EventType.SESSION_ENDED, end));
        }
        return new SessionSnapshot(scope, null, data, milestones, List.of(), null);
    }

    /** The vendor's own duration (time on slides) when given; else the span between start and end. */
    private static Long duration(JsonNode s, Instant start, Instant end) {
        Long vendor = Json.number(s, "duration");
        if (vendor != null) {
            return Math.max(vendor, 0);
        }
        return end == null ? null : Math.max(Duration.between(start, end).toSeconds(), 0);
    }

    private static Person user(String userName) {
        return new Person(null, null, userName.contains("@") ? userName : null, userName, null);
    }

    /** The vendor spells it {@code longtitude}; {@code longitude} is accepted too. */
    private static Location location(JsonNode s) {
        Double lat = coordinate(s, "latitude", 90);
        Double lon = coordinate(s, "longtitude", 180);
        if (lon == null) {
            lon = coordinate(s, "longitude", 180);
        }
        String address = Json.text(s, "address");
        return lat == null && lon == null && address == null ? null : new Location(lat, lon, address, null, null);
    }

    private static Double coordinate(JsonNode s, String field, double limit) {
        String v = Json.text(s, field);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isNaN(d) || Math.abs(d) > limit) {
                throw new UnmappableRecordException("'" + field + "' " + v + " is out of range");
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UnmappableRecordException("'" + field + "' " + v + " is not a number");
        }
    }

    private static Boolean flag(JsonNode s, String field) {
        return s.has(field) && !s.get(field).isNull() ? Json.flag(s, field) : null;
    }
}
