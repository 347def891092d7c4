package io.sessionflow.source;

import io.sessionflow.event.SystemId;
import java.time.Instant;

/** A vendor response exactly as fetched, for the raw archive topic. */
public record RawPayload(SystemId system, String endpoint, Instant fetchedAt, String contentType, byte[] body) {
}
