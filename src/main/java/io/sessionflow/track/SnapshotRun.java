package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Complete snapshots that arrived one after another and are published in one Kafka transaction. Each is
 * diffed against the state the earlier ones of the run left, as if those had been committed already, so every
 * intermediate transition is emitted with the id it would have had on its own (a session prolonged five times
 * yields five updates, not one). Nothing reaches the tracker's memory here: only committing the transitions
 * after Kafka acknowledged them does, so a failed transaction leaves the memory as it was.
 */
public final class SnapshotRun implements SessionLookup, SnapshotDiff {
    private final SessionTracker tracker;
    private final SessionLookup committed;
    private final Map<String, KnownSession> pending = new HashMap<>();
    /** Forgotten by an earlier snapshot of the run, and not remembered again since. */
    private final java.util.Set<String> forgotten = new java.util.HashSet<>();

    SnapshotRun(SessionTracker tracker, SessionLookup committed) {
        this.tracker = tracker;
        this.committed = committed;
    }

    /** Like {@link SessionTracker#diff}, against the committed memory plus this run's earlier changes. */
    @Override
    public Transitions diff(SystemId system, List<SessionSnapshot> snapshots, Collection<String> unchanged,
                            Collection<String> completeScopes, MissingPolicy missing, Instant observedAt) {
        Transitions transitions = tracker.diff(this, system, snapshots, unchanged, completeScopes, missing,
                observedAt);
        transitions.forgotten().sessions().forEach(pending::remove);
        forgotten.addAll(transitions.forgotten().sessions());
        forgotten.removeAll(transitions.changes().keySet());
        pending.putAll(transitions.changes());
        return transitions;
    }

    @Override
    public KnownSession get(String key) {
        KnownSession changed = pending.get(key);
        return changed != null || forgotten.contains(key) ? changed : committed.get(key);
    }

    @Override
    public Stream<KnownSession> of(SystemId system) {
        return Stream.concat(
                committed.of(system).filter(k -> {
                    String key = SessionKeys.of(k.data());
                    return !pending.containsKey(key) && !forgotten.contains(key);
                }),
                pending.values().stream().filter(k -> k.data().system() == system));
    }
}
