package io.sessionflow.source.storyclm;

import com.fasterxml.jackson.databind.JsonNode;

/** One StoryCLM session object, from the {@code Data} of getsessions or getsessionbyid. */
public record StoryclmPayload(JsonNode session) {
}
