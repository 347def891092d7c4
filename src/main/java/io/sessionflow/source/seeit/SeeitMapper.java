package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventType;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.Json;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.UnmappableRecordException;
import io.sessionflow.track.Milestone;
import io.sessionflow.track.ParticipantVisit;
import io.sessionflow.track.SessionSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeit SessionDetails to canonical session. CREATED is created, STARTED started (the technician opened the
 * browser), JOINED started plus the mobile app as a participant, FINISHED ended. The mobile side is one
 * visit keyed {@value #MOBILE}; it leaves when the session ends, since Seeit reports no separate leave. A session the
 * vendor no longer finds (404; it keeps details 90 days) ended, inferred, once the next poll answers 404 too.
 */
public final class SeeitMapper implements SessionMapper<SeeitPayload> {
    static final String MOBILE = "mobile";
    private static final Person MOBILE_APP = new Person(null, "Seeit mobile app", null, null, "customer");
    private static final List<String> STATUSES = List.of("CREATED", "STARTED", "JOINED", "FINISHED");

    @Override
    public SessionSnapshot map(SourceRecord<SeeitPayload> record, Instant now) {
        if (record.payload().isGone()) {
            return new SessionSnapshot(null, null, record.payload().lastKnown(),
                    List.of(Milestone.notFound(EventType.SESSION_ENDED, true)), List.of(), null);
        }
        JsonNode s = record.payload().details();
        String uuid = Json.requiredText(s, "uuid", "Seeit session");
        // the uuid becomes a URL path segment on refresh; refuse anything that is not one
        if (!SeeitUuids.isUuid(uuid)) {
            throw new UnmappableRecordException("Seeit session uuid '" + uuid + "' is not a UUID");
        }
        String what = "Seeit session " + uuid;
        String status = Json.requiredText(s, "sessionStatus", what);
        if (!STATUSES.contains(status)) {
            throw new UnmappableRecordException(what + " has unknown sessionStatus '" + status + "'");
        }
        boolean started = !status.equals("CREATED");
        boolean finished = status.equals("FINISHED");
        Instant created = millis(s, "sessionCreateTime", what);
        Instant startedAt = millis(s, "sessionStartTime", what);
        Instant joinedAt = millis(s, "sessionJoinTime", what);
        Instant endedAt = finished ? millis(s, "sessionEndTime", what) : null;
        if (created == null) {
            throw new UnmappableRecordException(what + " has no 'sessionCreateTime'");
        }
        String technician = Json.text(s, "technicianEmail");
        SessionData data = SessionData.builder(SeeitModule.SYSTEM, SeeitModule.KIND, uuid)
                .startedAt(started ? startedAt : null)
                .endedAt(endedAt)
                .durationSeconds(
                        startedAt != null && endedAt != null
                                ? Duration.between(startedAt, endedAt).toSeconds()
                                : null)
                .owner(technician == null ? null : Person.email(technician))
                .attribute("supportKey", Json.text(s, "supportKey"))
                // the join time travels on the participant event; as an attribute it would also raise an update
                .attribute("createdAt", created.toString())
                .attribute("notes", Json.text(s, "sessionNotes"))
                .attribute("recorded", s.has("sessionRecorded") ? Json.flag(s, "sessionRecorded") : null)
                .attribute("dataStatus", Json.text(s, "sessionDataStatus"))
                .attribute("dataPhotoCount", Json.number(s, "sessionDataPhotoCount"))
                .attribute("dataPhotoNotesCount", Json.number(s, "sessionDataPhotoNotesCount"))
                .attribute("dataSizeBytes", Json.number(s, "sessionDataSize"))
                // a link for consumers; Sessionflow never downloads it
                .attribute("dataDownloadUrl", Json.text(s, "sessionDataDownloadUrl"))
                .attribute("dataDownloadUrlExpiresAt", text(millis(s, "sessionDataDownloadUrlExpiration", what)))
                .build();
        return new SessionSnapshot(null, null, data, milestones(created, started, startedAt, finished, endedAt),
                visits(status, joinedAt, endedAt), null);
    }

    /** The snapshot comes from the session details alone; the clock plays no part. */
    @Override
    public boolean readsOnlyItsRecord() {
        return true;
    }

    private static List<Milestone> milestones(Instant created, boolean started, Instant startedAt, boolean finished,
                                              Instant endedAt) {
        List<Milestone> m = new ArrayList<>();
        m.add(Milestone.reported(EventType.SESSION_CREATED, created));
        if (started) {
            m.add(Milestone.reported(EventType.SESSION_STARTED, startedAt));
        }
        if (finished) {
            m.add(Milestone.reported(EventType.SESSION_ENDED, endedAt));
        }
        return m;
    }

    /** JOINED, or FINISHED with a join time: the mobile app was there. */
    private static List<ParticipantVisit> visits(String status, Instant joinedAt, Instant endedAt) {
        if (!status.equals("JOINED") && joinedAt == null) {
            return List.of();
        }
        return List.of(new ParticipantVisit(MOBILE, MOBILE_APP, joinedAt, endedAt));
    }

    private static Instant millis(JsonNode s, String field, String what) {
        try {
            Long ms = Json.number(s, field);
            return ms == null ? null : Instant.ofEpochMilli(ms);
        } catch (UnmappableRecordException e) {
            throw new UnmappableRecordException(what + " field '" + field + "': " + e.getMessage());
        }
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
