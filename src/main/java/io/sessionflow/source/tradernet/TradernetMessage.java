package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * What travels on the ordered queue of the Tradernet route: a feed message, a recovery snapshot, or an
 * expiry check. One consumer takes them in order, so diffs and publishes never overlap.
 *
 * @param sessions      the session list (JSON array), null for an expiry check or an unreadable message
 * @param problem       why the message could not be read, else null
 * @param recovered     transitions found in it were missed while the feed was down
 * @param receivedNanos {@link System#nanoTime()} at arrival, for the feed-to-Kafka latency
 */
public record TradernetMessage(Kind kind, String endpoint, String raw, JsonNode sessions, String problem,
                               Instant receivedAt, long receivedNanos, boolean recovered) {

    public enum Kind { FEED, SNAPSHOT, EXPIRY_CHECK }

    public static TradernetMessage expiryCheck(Instant now) {
        return new TradernetMessage(Kind.EXPIRY_CHECK, null, null, null, null, now, System.nanoTime(), false);
    }
}
