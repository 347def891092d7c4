package io.sessionflow.source.webinar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The schedule window of one poll. webinar.ru lists sessions by date range, and a session changes after it
 * is listed, so the window always reaches back {@code windowPast}: re-reading is cheap, missing is not.
 */
public record WebinarCursor(LocalDate from, LocalDate to) {

    public static WebinarCursor at(Instant now, WebinarConfig config) {
        return new WebinarCursor(LocalDate.ofInstant(now.minus(config.windowPast()), ZoneOffset.UTC),
                LocalDate.ofInstant(now.plus(config.windowAhead()), ZoneOffset.UTC));
    }
}
