package io.sessionflow.rederive;

import io.sessionflow.event.SourceAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The archived responses of one poll: all raw records of one account with the same fetched-at header (a poll
 * stamps every response with the instant it started), by endpoint ({@code GET /eventsessions/6784?...}).
 */
public record RawPoll(SourceAccount account, Instant fetchedAt, Map<String, byte[]> bodies) {

    RawPoll(SourceAccount account, Instant fetchedAt) {
        this(account, fetchedAt, new LinkedHashMap<>());
    }
}
