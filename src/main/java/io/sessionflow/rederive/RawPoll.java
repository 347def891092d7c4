package io.sessionflow.rederive;

import io.sessionflow.event.SourceAccount;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The archived responses of one poll: all raw records of one account with the same fetched-at header (a poll
 * stamps every response with the instant it started), by endpoint ({@code GET /eventsessions/6784?...}), and the
 * status of those that were a vendor's error answer (a part of the poll that failed while the rest was published).
 */
public record RawPoll(SourceAccount account, Instant fetchedAt, Map<String, byte[]> bodies,
                      Map<String, Integer> errors) {

    public RawPoll(SourceAccount account, Instant fetchedAt, Map<String, byte[]> bodies) {
        this(account, fetchedAt, bodies, new LinkedHashMap<>());
    }

    RawPoll(SourceAccount account, Instant fetchedAt) {
        this(account, fetchedAt, new LinkedHashMap<>(), new LinkedHashMap<>());
    }
}
