package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.PeerPages;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The webinar.ru schedule as a Camel user would page through it: the largest page the API allows, the schedule
 * window Sessionflow asks for by default, every event session of every event.
 */
final class WebinarPeerPages implements PeerPages {
    private static final int PAGE_SIZE = 500;

    @Override
    public Map<String, String> settings() {
        return Map.of("page-size", String.valueOf(PAGE_SIZE));
    }

    @Override
    public Request page(Map<String, String> account, int n) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new Request(account.get("base-url") + "/organization/events/schedule",
                Map.of(WebinarRequests.TOKEN_HEADER, account.get("token")),
                "page=" + (n + 1) + "&perPage=" + PAGE_SIZE + "&from=" + today.minusDays(7) + "&to="
                        + today.plusDays(30));
    }

    @Override
    public boolean more(JsonNode page) {
        return page.size() == PAGE_SIZE;
    }

    /** Entries with only a date are no session yet. */
    @Override
    public List<JsonNode> sessions(JsonNode page) {
        List<JsonNode> sessions = new ArrayList<>();
        for (JsonNode event : page) {
            for (JsonNode session : event.path("eventSessions")) {
                if (session.has("id")) {
                    sessions.add(session);
                }
            }
        }
        return sessions;
    }

    @Override
    public String key(JsonNode session) {
        return session.get("id").asText();
    }
}
