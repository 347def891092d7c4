package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SessionData;
import io.sessionflow.source.Json;
import java.util.List;

/**
 * One webinar.ru EventSession as fetched: {@code GET /eventsessions/{id}}, its participations, and the
 * connections of each visitor from {@code GET /stats/users}. {@code eventSession} is null when the vendor
 * answered 404 (the session was deleted); {@code lastKnown} then says what it was.
 */
public record WebinarPayload(String sessionId, JsonNode eventSession, List<JsonNode> participations,
                             List<Visitor> visitors, SessionData lastKnown) {

    /** A user from {@code /stats/users} with the connections to this session. */
    public record Visitor(JsonNode user, List<JsonNode> connections) {
    }

    /** The visitors of one session out of a {@code /stats/users} answer, which covers a whole event. */
    public static List<Visitor> visitorsOf(String sessionId, List<JsonNode> statsUsers) {
        List<Visitor> visitors = new java.util.ArrayList<>();
        for (JsonNode user : statsUsers) {
            for (JsonNode visited : Json.elements(user.get("eventSessions"))) {
                if (sessionId.equals(Json.text(visited, "id"))) {
                    visitors.add(new Visitor(user, Json.elements(visited.get("connections"))));
                }
            }
        }
        return visitors;
    }

    public boolean isGone() {
        return eventSession == null;
    }
}
