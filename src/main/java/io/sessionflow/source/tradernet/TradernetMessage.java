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
 * @param feedLive      every feed message received before {@code receivedAt} is ahead of this one in the queue, and
 *                      the feed was connected and delivering since its last snapshot: always so for a feed message and
 *                      a snapshot, for an expiry check only while the feed is up
 */
public record TradernetMessage(Kind kind, String endpoint, String raw, JsonNode sessions, String problem,
                               Instant receivedAt, long receivedNanos, boolean recovered, boolean feedLive) {

    public enum Kind { FEED, SNAPSHOT, EXPIRY_CHECK }

    public TradernetMessage(Kind kind, String endpoint, String raw, JsonNode sessions, String problem,
                            Instant receivedAt, long receivedNanos, boolean recovered) {
        this(kind, endpoint, raw, sessions, problem, receivedAt, receivedNanos, recovered, kind != Kind.EXPIRY_CHECK);
    }

    /** A check that reads the last list against the clock; it cannot vouch for the feed. */
    public static TradernetMessage expiryCheck(Instant now) {
        return expiryCheck(now, false);
    }

    /** @param feedLive the feed was up and nothing it received before {@code now} was still on its way to the queue */
    public static TradernetMessage expiryCheck(Instant now, boolean feedLive) {
        return new TradernetMessage(Kind.EXPIRY_CHECK, null, null, null, null, now, System.nanoTime(), false, feedLive);
    }

    /** The completeness watermark this message gives its account: every change received up to then, or null. */
    public Instant completeUpTo() {
        return feedLive ? receivedAt : null;
    }
}
