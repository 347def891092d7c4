package io.sessionflow.rederive;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The archived responses of one poll: all raw records of one system with the same fetched-at header (a poll
 * stamps every response with the instant it started), by endpoint ({@code GET /eventsessions/6784?...}).
 */
record RawPoll(SystemId system, Instant fetchedAt, Map<String, byte[]> bodies) {

    RawPoll(SystemId system, Instant fetchedAt) {
        this(system, fetchedAt, new LinkedHashMap<>());
    }
}
