package io.sessionflow.source.seeit;

import io.sessionflow.source.http.HttpCall;

/** The Seeit REST requests, each carrying the Authorization header. */
final class SeeitRequests {
    /** Oldest first, so sessions created while paging land on later pages instead of shifting earlier ones. */
    static final String SORT = "sessionCreateTime,asc";
    private final SeeitConfig config;

    SeeitRequests(SeeitConfig config) {
        this.config = config;
    }

    HttpCall sessionsPage(SeeitCursor cursor, int page) {
        return auth(HttpCall.get("sessions")
                .param("startTime", cursor.startTime()).param("endTime", cursor.endTime())
                .param("page", page).param("size", config.pageSize()).param("sort", SORT));
    }

    HttpCall session(String uuid) {
        return auth(HttpCall.get("sessions", uuid));
    }

    /** A token given with its scheme ("Bearer abc") is sent as is; a bare token gets "Bearer ". */
    private HttpCall auth(HttpCall call) {
        String token = config.token();
        return call.header("Authorization", token.contains(" ") ? token : "Bearer " + token);
    }
}
