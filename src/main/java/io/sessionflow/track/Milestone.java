package io.sessionflow.track;

import io.sessionflow.event.EventType;
import java.time.Instant;

/**
 * A lifecycle step a session has reached, with the vendor's time for it (null when the vendor gives none).
 * {@code inferred} is set by a mapper when the vendor never reports the step (e.g. a start derived from the clock);
 * {@code basis} says how sure the step is, which matters for an end or a deletion.
 */
public record Milestone(EventType type, Instant at, boolean inferred, Basis basis) {

    /** Why the step is believed. */
    public enum Basis {
        /** the vendor said so */
        REPORTED,
        /** concluded from a time the vendor gave passing (a planned end, an expiry): the vendor may still move it */
        CONCLUDED,
        /** the vendor answered that it does not know the session: believed once the next poll answers so too */
        NOT_FOUND
    }

    public static Milestone reported(EventType type, Instant at) {
        return new Milestone(type, at, false, Basis.REPORTED);
    }

    /** A step the vendor never reports, derived from the clock passing a time it gave. */
    public static Milestone inferred(EventType type, Instant at) {
        return new Milestone(type, at, true, Basis.CONCLUDED);
    }

    /** An end the vendor's own time implies (an expiry passed): published as reported, but the vendor may undo it. */
    public static Milestone expired(EventType type, Instant at) {
        return new Milestone(type, at, false, Basis.CONCLUDED);
    }

    /** The vendor answered "not found" for a session it listed before: the step that answer means, when confirmed. */
    public static Milestone notFound(EventType type, boolean inferred) {
        return new Milestone(type, null, inferred, Basis.NOT_FOUND);
    }

    public boolean isTerminal() {
        return type == EventType.SESSION_ENDED || type == EventType.SESSION_DELETED;
    }

    /** A step Sessionflow concluded rather than the vendor reported: an end the vendor may still contradict. */
    boolean isConclusion() {
        return inferred || basis != Basis.REPORTED;
    }
}
