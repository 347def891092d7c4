package io.sessionflow.export;

import io.sessionflow.replay.EventFields;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events folded per session ({@code system}, {@code account}, {@code sessionId}) as they are read. A session's
 * events share a key and so a partition, so they arrive in published order.
 */
public final class SessionSummaries {
    private final Map<List<String>, SessionSummary> sessions = new LinkedHashMap<>();

    /** @return false, adding nothing, when the value is no event of a session (not JSON, no system or session id) */
    public boolean add(byte[] value, long recordTimestamp) {
        EventFields e;
        try {
            e = EventFields.of(value);
        } catch (IllegalArgumentException notJson) {
            return false;
        }
        String system = e.data("system");
        String sessionId = e.data("sessionId");
        if (system == null || sessionId == null) {
            return false;
        }
        sessions.computeIfAbsent(List.of(system, e.account(), sessionId),
                k -> new SessionSummary(system, e.account(), sessionId)).add(e, Instant.ofEpochMilli(recordTimestamp));
        return true;
    }

    public Collection<SessionSummary> all() {
        return sessions.values();
    }
}
