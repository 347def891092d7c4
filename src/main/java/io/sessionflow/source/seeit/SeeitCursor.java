package io.sessionflow.source.seeit;

import java.time.Instant;
import java.util.Optional;

/**
 * The creation-time window of one poll, in epoch milliseconds as {@code GET /sessions} wants them. It always
 * reaches back {@code lookBack}: a session listed once as CREATED is listed again when it has started,
 * been joined or finished. Sessions older than the window are refreshed one by one while still open.
 * After downtime it reaches back from the last committed poll instead, so sessions created meanwhile are seen.
 */
public record SeeitCursor(long startTime, long endTime) {

    public static SeeitCursor at(Instant now, Optional<Instant> lastPoll, SeeitConfig config) {
        Instant since = lastPoll.filter(t -> t.isBefore(now)).orElse(now);
        return new SeeitCursor(since.minus(config.lookBack()).toEpochMilli(), now.toEpochMilli());
    }
}
