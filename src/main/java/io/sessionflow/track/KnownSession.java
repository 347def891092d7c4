package io.sessionflow.track;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The tracker's memory of one session: what it has already published. Serializable as JSON so it can live
 * in the compacted state topic.
 *
 * @param closedAt  when the poll that ended or deleted it ran (its observation time, not the vendor's); null
 *                  while open, and for records written before it was kept
 * @param inference what was concluded rather than told ({@link Inference}); none in records written before it was kept
 */
@JsonSerialize(using = KnownSessionJson.class)
public record KnownSession(String scope, String source, List<EventType> reached, String fingerprint, Set<String> joined,
                           Set<String> left, SessionData data, UpdateHistory updates, Instant closedAt,
                           Inference inference) {

    public KnownSession {
        reached = List.copyOf(reached);
        joined = Set.copyOf(joined);
        left = Set.copyOf(left);
        // records written before updates were counted have none
        updates = updates == null ? UpdateHistory.NONE : updates;
        inference = inference == null ? Inference.NONE : inference;
    }

    public KnownSession(String scope, String source, List<EventType> reached, String fingerprint, Set<String> joined,
                        Set<String> left, SessionData data, UpdateHistory updates, Instant closedAt) {
        this(scope, source, reached, fingerprint, joined, left, data, updates, closedAt, Inference.NONE);
    }

    public KnownSession(String scope, String source, List<EventType> reached, String fingerprint, Set<String> joined,
                        Set<String> left, SessionData data) {
        this(scope, source, reached, fingerprint, joined, left, data, UpdateHistory.NONE, null);
    }

    public boolean hasReached(EventType type) {
        return reached.contains(type);
    }

    public boolean isDeleted() {
        return reached.contains(EventType.SESSION_DELETED);
    }

    /** Still worth asking the vendor about: neither ended nor deleted. */
    public boolean isOpen() {
        return !isDeleted() && !reached.contains(EventType.SESSION_ENDED);
    }

    /** Ended or deleted on a conclusion, not a report: the vendor listing it open again reopens it. */
    public boolean wasClosedByInference() {
        return !isOpen() && inference.closed();
    }

    KnownSession closedAt(Instant at) {
        return new KnownSession(scope, source, reached, fingerprint, joined, left, data, updates, at, inference);
    }

    KnownSession withFingerprint(String digest) {
        return new KnownSession(scope, source, reached, digest, joined, left, data, updates, closedAt, inference);
    }

    /** The same memory after one more "not found" answer, not yet believed. */
    KnownSession notFoundAgain() {
        return new KnownSession(scope, source, reached, fingerprint, joined, left, data, updates, closedAt,
                inference.withNotFound(inference.notFound() + 1));
    }

    /** The lifecycle steps published before its end or deletion: what it is back to when reopened. */
    List<EventType> reachedBeforeClose() {
        List<EventType> open = new ArrayList<>(reached);
        open.remove(EventType.SESSION_ENDED);
        open.remove(EventType.SESSION_DELETED);
        return open;
    }
}
