package io.sessionflow.source.webinar;

import io.sessionflow.config.AccountSettings;
import java.time.Duration;
import java.util.List;

/** One webinar.ru account (an organization's token) and how its schedule is read. */
public record WebinarConfig(String baseUrl, String token, Duration windowPast, Duration windowAhead, int pageSize,
                            List<String> statuses) {

    public static final List<Integer> PAGE_SIZES = List.of(10, 50, 100, 250, 500);
    /** The schedule's event statuses (webinar.ru user API v3). */
    public static final List<String> STATUSES = List.of("ACTIVE", "START", "STOP");

    /** @throws IllegalArgumentException naming the setting when the account cannot be polled */
    public static WebinarConfig from(AccountSettings s) {
        int pageSize = s.integer("page-size");
        if (!PAGE_SIZES.contains(pageSize)) {
            throw new IllegalArgumentException(s.name("page-size") + " " + pageSize + " must be one of " + PAGE_SIZES);
        }
        List<String> statuses = s.list("statuses");
        List<String> unknown = statuses.stream().filter(st -> !STATUSES.contains(st)).toList();
        if (statuses.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalArgumentException(s.name("statuses") + " '" + s.string("statuses")
                    + "' must be one or more" + " of " + String.join(",", STATUSES));
        }
        return new WebinarConfig(s.string("base-url"), s.string("token"), s.duration("window-past"),
                s.duration("window-ahead"), pageSize, statuses);
    }

    @Override
    public String toString() {
        return "WebinarConfig[baseUrl=" + baseUrl + ", token=***]";
    }
}
