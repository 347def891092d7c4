package io.sessionflow.source.webinar;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;

/**
 * A listed event session's schedule entry as the start of its record input. The document's schedule lists each
 * session with its status, name, start and event, the fields a transition changes, so the same entry stands for the
 * same details: the session is read again only when its entry changes, or for its visitors while it is live.
 */
final class ScheduleEntryInput {
    private ScheduleEntryInput() {
    }

    static String of(JsonNode entry) {
        return "schedule entry " + entry;
    }

    /** Started or just ended (a finished one is read once more, then it is closed and not read again). */
    static boolean isLive(JsonNode entry) {
        String status = Json.text(entry, "status");
        return "START".equals(status) || "STOP".equals(status);
    }
}
