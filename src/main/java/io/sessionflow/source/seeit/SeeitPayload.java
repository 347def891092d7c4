package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.SessionData;

/**
 * One Seeit SessionDetails object, as listed by {@code GET /sessions} or read by {@code GET /sessions/{uuid}}.
 * {@code details} is null when the vendor answered 404 for a session it listed before; {@code lastKnown} then says
 * what it was.
 */
public record SeeitPayload(JsonNode details, SessionData lastKnown) {

    public SeeitPayload(JsonNode details) {
        this(details, null);
    }

    public boolean isGone() {
        return details == null;
    }
}
