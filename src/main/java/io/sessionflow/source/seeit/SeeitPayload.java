package io.sessionflow.source.seeit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One Seeit SessionDetails object, as listed by {@code GET /sessions} or read by {@code GET /sessions/{uuid}}.
 */
public record SeeitPayload(JsonNode details) {
}
