package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing a transport received, already told apart: a session list, an error, or text it could not read.
 * {@code raw} is the message exactly as received, for the raw topic.
 */
public sealed interface FeedEvent {

    String raw();

    /** The full list of open sessions; {@code sessions} is a JSON array. */
    record Sessions(String raw, JsonNode sessions) implements FeedEvent {
    }

    /** The vendor said something went wrong (e.g. the SID is no longer valid). */
    record Error(String raw, String detail) implements FeedEvent {
    }

    record Unreadable(String raw, String reason) implements FeedEvent {
    }
}
