package io.sessionflow.track;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import java.util.List;
import java.util.Set;

/**
 * The tracker's memory of one session: what it has already published. Serializable as JSON so it can live
 * in the compacted state topic.
 */
@JsonSerialize(using = KnownSessionJson.class)
public record KnownSession(String scope, String source, List<EventType> reached, String fingerprint, Set<String> joined,
                           Set<String> left, SessionData data) {

    public KnownSession {
        reached = List.copyOf(reached);
        joined = Set.copyOf(joined);
        left = Set.copyOf(left);
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
}
