package io.sessionflow.verify;

import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of {@code verify} over events in topic order (per partition, so per session): duplicate ids,
 * lifecycle steps out of order or repeated, a participant leaving before joining, anything after deletion;
 * and, given an expected set, every expected transition exactly once. A {@code session.reopened} after an end or a
 * deletion (one Sessionflow had concluded, undone) takes the session back to the status it carries, so its steps
 * from there on are in order again; a reopen of a session that was not closed is out of order.
 */
public final class StreamChecks {
    private static final Map<EventType, Integer> RANK = Map.of(
            EventType.SESSION_SCHEDULED, 0, EventType.SESSION_CREATED, 1, EventType.SESSION_STARTED, 2,
            EventType.SESSION_ENDED, 3, EventType.SESSION_DELETED, 4);

    private StreamChecks() {
    }

    /** The rank of the lifecycle step that leads to this status (a reopened session's status: before its close). */
    private static int rankOf(io.sessionflow.event.SessionStatus status) {
        for (Map.Entry<EventType, Integer> r : RANK.entrySet()) {
            if (r.getKey().resultingStatus() == status) {
                return r.getValue();
            }
        }
        return -1;
    }

    public static VerifyReport check(List<SessionEvent> events, List<ExpectedTransition> expected) {
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> lastRank = new HashMap<>();
        Map<String, Set<String>> inside = new HashMap<>();
        List<String> violations = new ArrayList<>();
        for (SessionEvent e : events) {
            ids.merge(e.id(), 1, Integer::sum);
            String key = e.kafkaKey();
            int last = lastRank.getOrDefault(key, -1);
            if (e.type() == EventType.SESSION_REOPENED) {
                if (last < RANK.get(EventType.SESSION_ENDED)) {
                    violations.add(key + ": " + e.type().type() + " of a session that was not closed");
                }
                lastRank.put(key, rankOf(e.data().status()));
                continue;
            }
            if (last == RANK.get(EventType.SESSION_DELETED)) {
                violations.add(key + ": " + e.type().type() + " after deleted");
            }
            Integer rank = RANK.get(e.type());
            if (rank != null) {
                if (rank <= last) {
                    violations.add(key + ": " + e.type().type() + " after a later or equal step");
                }
                lastRank.put(key, Math.max(last, rank));
            }
            String who = e.data().participant() == null ? null : e.data().participant().id();
            if (e.type() == EventType.PARTICIPANT_JOINED) {
                inside.computeIfAbsent(key, k -> new HashSet<>()).add(who);
            } else if (e.type() == EventType.PARTICIPANT_LEFT && !inside.getOrDefault(key, Set.of()).contains(who)) {
                violations.add(key + ": participant " + who + " left before joining");
            }
        }
        List<String> duplicates = ids.entrySet().stream().filter(x -> x.getValue() > 1).map(Map.Entry::getKey).toList();
        if (expected == null) {
            return new VerifyReport(events.size(), ids.size(), duplicates, violations, null, List.of(), List.of());
        }
        Map<ExpectedTransition, Integer> balance = new LinkedHashMap<>();
        expected.forEach(x -> balance.merge(x, 1, Integer::sum));
        events.forEach(e -> balance.merge(ExpectedTransition.of(e), -1, Integer::sum));
        List<ExpectedTransition> missing = new ArrayList<>();
        List<ExpectedTransition> unexpected = new ArrayList<>();
        balance.forEach((t, n) -> {
            for (int i = 0; i < Math.abs(n); i++) {
                (n > 0 ? missing : unexpected).add(t);
            }
        });
        return new VerifyReport(
                events.size(), ids.size(), duplicates, violations, expected.size(), missing, unexpected);
    }
}
