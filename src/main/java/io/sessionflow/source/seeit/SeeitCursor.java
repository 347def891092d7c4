package io.sessionflow.source.seeit;

import java.time.Instant;

/**
 * The creation-time window of one poll, in epoch milliseconds as {@code GET /sessions} wants them. It always
 * reaches back {@code lookBack}: a session listed once as CREATED is listed again when it has started,
 * been joined or finished. Sessions older than the window are refreshed one by one while still open.
 */
public record SeeitCursor(long startTime, long endTime) {

    public static SeeitCursor at(Instant now, SeeitConfig config) {
        return new SeeitCursor(now.minus(config.lookBack()).toEpochMilli(), now.toEpochMilli());
    }
}
