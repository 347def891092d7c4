package io.sessionflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.ispring.IspringPayload;
import io.sessionflow.source.ispring.soap.TrainingSession;
import io.sessionflow.source.seeit.SeeitPayload;
import io.sessionflow.source.storyclm.StoryclmPayload;
import io.sessionflow.source.webinar.WebinarPayload;
import java.util.List;
import java.util.UUID;

/**
 * Vendor records shaped like the documented examples (see src/test/resources/fixtures), one per session
 * number, already parsed: the benchmarks measure mapping and diffing, not JSON or XML parsing. A webinar.ru
 * record also carries the text it came from, as a fetcher's would, so a poll can recognise it unchanged.
 */
final class SyntheticRecords {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SyntheticRecords() {
    }

    /** A live webinar.ru session with one visitor; {@code revision} changes its name (an update). */
    static SourceRecord<WebinarPayload> webinar(int n, int revision) {
        return webinar(n, revision, "START", "2026-11-22T12:02:00+0300", "0");
    }

    /**
     * A webinar.ru session with one visitor, in the given status ({@code START} live, {@code STOP} ended) and times
     * (webinar.ru's {@code 2026-11-22T12:02:00+0300}; {@code endsAt} "0" while live).
     */
    static SourceRecord<WebinarPayload> webinar(int n, int revision, String status, String startsAt, String endsAt) {
        String id = String.valueOf(100_000 + n);
        ObjectNode s = JSON.objectNode()
                .put("id", id).put("status", status).put("name", "Webinar " + n + " rev " + revision)
                .put("startsAt", startsAt);
        if (endsAt.equals("0")) {
            s.put("endsAt", 0);
        } else {
            s.put("endsAt", endsAt);
        }
        s.put("eventId", 5000 + n / 2)
                .put("organizationId", 1).put("createAt", "2026-11-22T11:00:00+0300")
                .put("updateAt", "2026-11-22T11:" + String.format("%02d", revision % 60) + ":00+0300")
                .put("timezoneName", "Europe/Moscow").put("lang", "RU").put("access", 1)
                .put("duration", "PT1H30M");
        s.putObject("createUser").put("id", 274).put("name", "Yuri").put("secondName", "Barsukov");
        ObjectNode user = JSON.objectNode().put("id", 3000 + n).put("email", "visitor" + n + "@example.org")
                .put("name", "Visitor").put("secondName", String.valueOf(n));
        JsonNode connection = JSON.objectNode().put("joined", "2026-11-22T12:05:00+0300").put("platform", "Web");
        WebinarPayload payload = new WebinarPayload(id, s, List.of(),
                List.of(new WebinarPayload.Visitor(user, List.of(connection))), null);
        // the bodies of GET /eventsessions/{id}, its (empty) participations and the visitor's stats entry
        ObjectNode stats = user.deepCopy();
        stats.putArray("eventSessions").addObject().put("id", id).putArray("connections").add(connection);
        String input = s + "\n[]\n[" + stats + "]";
        return new SourceRecord<>(null, "GET /eventsessions/" + id, payload, null, input);
    }

    static SourceRecord<SeeitPayload> seeit(int n, int revision) {
        String uuid = new UUID(0x4c5d6e7f90814cabL, 0xbf905b6c00000000L + n).toString();
        ObjectNode s = JSON.objectNode()
                .put("uuid", uuid).put("supportKey", "246-813-" + n).put("sessionStatus", "FINISHED")
                .put("sessionCreateTime", 1795165380000L).put("sessionStartTime", 1795165440000L)
                .put("sessionJoinTime", 1795165530000L).put("sessionEndTime", 1795166400000L)
                .put("technicianEmail", "tech" + (n % 50) + "@example.org")
                .put("sessionNotes", "Paired the thermostat, rev " + revision).put("sessionRecorded", true)
                .put("sessionDataStatus", "PROCESSING").put("sessionDataPhotoCount", 2)
                .put("sessionDataPhotoNotesCount", 1).put("sessionDataSize", 0);
        return new SourceRecord<>(null, "GET /sessions", new SeeitPayload(s), null);
    }

    static SourceRecord<StoryclmPayload> storyclm(int n, int revision) {
        ObjectNode s = JSON.objectNode()
                .put("id", String.format("8031BA5940864ECF9AB27D91%08X", n)).put("start", "2017-06-13T10:07:02")
                .put("latitude", "55.75578600").put("longtitude", "37.61763300").put("visit", 0)
                .put("userName", "user" + (n % 100) + "@mail.com")
                .put("address", "Manezhnaya ploshchad',Moscow,Moscow,Russia,109012").put("confirmed", 0)
                .put("offset", 3).put("slides", 1 + revision).put("end", "2017-06-13T10:07:06").put("checkIn", 0)
                .put("finished", 1).put("duration", 4).put("presentationId", 17);
        return new SourceRecord<>("user" + (n % 100), "POST getsessions", new StoryclmPayload(s), null);
    }

    static SourceRecord<IspringPayload> ispring(int n, int revision) {
        TrainingSession s = new TrainingSession();
        s.setId(new UUID(0x4728d100c96a11edL, 0xa664b6c400000000L + n).toString());
        s.setTitle("Session " + n + " rev " + revision);
        s.setStartTime("2023-03-31T15:30:00-07:00");
        s.setDuration("7200");
        String training = "b431d5a0-2d14-11ed-b56c-0242c0a8" + String.format("%04d", n % 100);
        return new SourceRecord<>(training, "POST ListSessionsByTraining", new IspringPayload(training, s), null);
    }
}
