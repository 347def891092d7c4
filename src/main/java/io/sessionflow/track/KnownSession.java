package io.sessionflow.track;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The tracker's memory of one session: what it has already published. Serializable as JSON so it can live
 * in the compacted state topic.
 *
 * @param closedAt when the poll that ended or deleted it ran (its observation time, not the vendor's); null
 *                 while open, and for records written before it was kept
 */
@JsonSerialize(using = KnownSessionJson.class)
public record KnownSession(String scope, String source, List<EventType> reached, String fingerprint, Set<String> joined,
                           Set<String> left, SessionData data, UpdateHistory updates, Instant closedAt) {

    public KnownSession {
        reached = List.copyOf(reached);
        joined = Set.copyOf(joined);
        left = Set.copyOf(left);
        // records written before updates were counted have none
        updates = updates == null ? UpdateHistory.NONE : updates;
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

    KnownSession closedAt(Instant at) {
        return new KnownSession(scope, source, reached, fingerprint, joined, left, data, updates, at);
    }
}
