package io.sessionflow.source;

import io.sessionflow.event.SystemId;
import java.time.Instant;

/**
 * A vendor response exactly as fetched, for the raw archive topic.
 *
 * @param status 200 for an answer read; the vendor's error status for a part of a poll that failed while the rest
 *               was published (its body is the vendor's error answer), so a re-derivation sees the same failure
 */
public record RawPayload(SystemId system, String endpoint, Instant fetchedAt, String contentType, byte[] body,
                         int status) {

    public RawPayload(SystemId system, String endpoint, Instant fetchedAt, String contentType, byte[] body) {
        this(system, endpoint, fetchedAt, contentType, body, 200);
    }

    public boolean isError() {
        return status < 200 || status >= 300;
    }
}
