package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import java.util.List;

/**
 * A live webinar.ru session with one visitor; {@code revision} changes its name (an update). The record carries the
 * text it came from (the bodies of GET /eventsessions/{id}, its participations and the visitor's stats entry), as a
 * fetcher's does, so a poll can recognise it unchanged.
 */
final class WebinarBenchRecords implements BenchRecords<WebinarPayload> {

    @Override
    public SessionMapper<WebinarPayload> mapper() {
        return new WebinarMapper();
    }

    private static final java.time.format.DateTimeFormatter WEBINAR_TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(java.time.ZoneOffset.UTC);

    @Override
    public SourceRecord<WebinarPayload> record(int n, int revision) {
        return record(n, revision, "START", "2026-11-22T12:02:00+0300", null);
    }

    @Override
    public java.util.Optional<SourceRecord<WebinarPayload>> lived(
            int n, java.time.Instant start, java.time.Instant end) {
        return java.util.Optional.of(record(n, 0, end == null ? "START" : "STOP", WEBINAR_TIME.format(start),
                end == null ? null : WEBINAR_TIME.format(end)));
    }

    /** @param endsAt null while live (the vendor's {@code 0}) */
    private static SourceRecord<WebinarPayload> record(int n, int revision, String status, String startsAt,
                                                       String endsAt) {
        String id = String.valueOf(100_000 + n);
        ObjectNode s = JsonNodeFactory.instance.objectNode()
                .put("id", id).put("status", status).put("name", "Webinar " + n + " rev " + revision)
                .put("startsAt", startsAt);
        if (endsAt == null) {
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
        ObjectNode user = JsonNodeFactory.instance
                .objectNode()
                .put("id", 3000 + n)
                .put("email", "visitor" + n + "@example.org")
                .put("name", "Visitor")
                .put("secondName", String.valueOf(n));
        JsonNode connection = JsonNodeFactory.instance
                .objectNode()
                .put("joined", "2026-11-22T12:05:00+0300")
                .put("platform", "Web");
        WebinarPayload payload = new WebinarPayload(id, s, List.of(),
                List.of(new WebinarPayload.Visitor(user, List.of(connection))), null);
        // the bodies of GET /eventsessions/{id}, its (empty) participations and the visitor's stats entry
        ObjectNode stats = user.deepCopy();
        stats.putArray("eventSessions").addObject().put("id", id).putArray("connections").add(connection);
        String input = s + "\n[]\n[" + stats + "]";
        return new SourceRecord<>(null, "GET /eventsessions/" + id, payload, null, input);
    }
}
