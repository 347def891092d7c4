package io.sessionflow.source.webinar;

import io.sessionflow.source.http.HttpCall;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The webinar.ru user API v3 requests, each carrying the x-auth-token header. */
final class WebinarRequests {
    static final String TOKEN_HEADER = "x-auth-token";
    private static final DateTimeFormatter STATS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private final WebinarConfig config;

    WebinarRequests(WebinarConfig config) {
        this.config = config;
    }

    HttpCall schedulePage(WebinarCursor cursor, int page) {
        HttpCall call = HttpCall.get("organization", "events", "schedule")
                .param("page", page).param("perPage", config.pageSize());
        for (String status : config.statuses()) {
            call = call.param("status[]", status);
        }
        return auth(call.param("from", cursor.from()).param("to", cursor.to()));
    }

    HttpCall eventSession(String id) {
        return auth(HttpCall.get("eventsessions", id));
    }

    HttpCall participations(String id, int page) {
        return auth(HttpCall.get("eventsessions", id, "participations").param("page", page).param("perPage", 250));
    }

    HttpCall statsUsers(String eventId, Instant from, Instant to) {
        return auth(HttpCall.get("stats", "users").param("from", STATS_TIME.format(from))
                .param("to", STATS_TIME.format(to)).param("eventId", eventId));
    }

    private HttpCall auth(HttpCall call) {
        return call.header(TOKEN_HEADER, config.token());
    }
}
