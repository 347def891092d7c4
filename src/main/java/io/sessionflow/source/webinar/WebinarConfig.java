package io.sessionflow.source.webinar;

import io.sessionflow.config.Settings;
import java.time.Duration;
import java.util.List;

public record WebinarConfig(String baseUrl, String token, Duration pollInterval, Duration windowPast,
                            Duration windowAhead, int pageSize, List<String> statuses) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 50, 100, 250, 500);
    /** The schedule's event statuses (webinar.ru user API v3). */
    public static final List<String> STATUSES = List.of("ACTIVE", "START", "STOP");

    public static WebinarConfig from(Settings s) {
        int pageSize = s.integer("sessionflow.webinar.page-size");
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new IllegalArgumentException("SESSIONFLOW_WEBINAR_PAGE_SIZE " + pageSize + " must be one of "
                    + PAGE_SIZES);
        }
        List<String> statuses = s.list("sessionflow.webinar.statuses");
        if (statuses.isEmpty() || !STATUSES.containsAll(statuses)) {
            throw new IllegalArgumentException("SESSIONFLOW_WEBINAR_STATUSES '" + String.join(",", statuses)
                    + "' must be one or more of " + String.join(",", STATUSES));
        }
        return new WebinarConfig(s.string("sessionflow.webinar.base-url"), s.string("sessionflow.webinar.token"),
                s.duration("sessionflow.webinar.poll-interval"), s.duration("sessionflow.webinar.window-past"),
                s.duration("sessionflow.webinar.window-ahead"), pageSize, statuses);
    }

    @Override
    public String toString() {
        return "WebinarConfig[baseUrl=" + baseUrl + ", token=***]";
    }
}
