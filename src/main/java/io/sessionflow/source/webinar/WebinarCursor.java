package io.sessionflow.source.webinar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The schedule window of one poll. webinar.ru lists sessions by date range, and a session changes after it
 * is listed, so the window always reaches back {@code windowPast}: re-reading is cheap, missing is not.
 * After downtime it reaches back from the last committed poll instead, so nothing of the gap is skipped.
 */
public record WebinarCursor(LocalDate from, LocalDate to) {

    public static WebinarCursor at(Instant now, Optional<Instant> lastPoll, WebinarConfig config) {
        Instant since = lastPoll.filter(t -> t.isBefore(now)).orElse(now);
        return new WebinarCursor(LocalDate.ofInstant(since.minus(config.windowPast()), ZoneOffset.UTC),
                LocalDate.ofInstant(now.plus(config.windowAhead()), ZoneOffset.UTC));
    }
}
