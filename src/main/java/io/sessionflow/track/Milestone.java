package io.sessionflow.track;

import io.sessionflow.event.EventType;
import java.time.Instant;

/**
 * A lifecycle step a session has reached, with the vendor's time for it (null when the vendor gives none).
 * {@code inferred} is set by a mapper when the vendor never reports the step (e.g. a start derived from the clock).
 */
public record Milestone(EventType type, Instant at, boolean inferred) {

    public static Milestone reported(EventType type, Instant at) {
        return new Milestone(type, at, false);
    }

    public static Milestone inferred(EventType type, Instant at) {
        return new Milestone(type, at, true);
    }

    public boolean isTerminal() {
        return type == EventType.SESSION_ENDED || type == EventType.SESSION_DELETED;
    }
}
