package io.sessionflow.source.deskchat;

import com.fasterxml.jackson.databind.JsonNode;

/** One chat object of a {@code GET /chats} page. */
record DeskchatPayload(JsonNode chat) {
}
