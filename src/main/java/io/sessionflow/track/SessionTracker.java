package io.sessionflow.track;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns snapshots of current vendor state into the transitions since the last published state.
 * An unchanged session yields nothing; a skipped step (first seen already ended) still yields the missing
 * steps, marked inferred. Nothing is remembered until {@link #commit} is called after Kafka acknowledged.
 */
public final class SessionTracker implements SnapshotDiff {
    private final KnownSessions known;
    /** In memory only: after a restart every record is mapped once, which rebuilds it. */
    private final Map<SystemId, RecordInputs> inputs = new ConcurrentHashMap<>();

    public SessionTracker(KnownSessions known) {
        this.known = known;
    }

    public KnownSessions known() {
        return known;
    }

    /** Which record input made each session's committed state, for the poller to skip unchanged records. */
    public RecordInputs inputs(SystemId system) {
        return inputs.computeIfAbsent(system, s -> new RecordInputs());
    }

    /** Starts a run of snapshots diffed one after another and published together (a push feed's group commit). */
    public SnapshotRun run() {
        return new SnapshotRun(this, known);
    }

    @Override
    public Transitions diff(SystemId system, List<SessionSnapshot> snapshots, Collection<String> unchanged,
                            Collection<String> completeScopes, MissingPolicy missing, Instant observedAt) {
        return diff(known, system, snapshots, unchanged, completeScopes, missing, observedAt);
    }

    /** @param state what the snapshots are compared against: the committed memory, or a run's view of it */
    Transitions diff(SessionLookup state, SystemId system, List<SessionSnapshot> snapshots,
                     Collection<String> unchanged, Collection<String> completeScopes, MissingPolicy missing,
                     Instant observedAt) {
        Map<String, KnownSession> changes = new LinkedHashMap<>();
        List<SessionEvent> events = new ArrayList<>();
        for (SessionSnapshot snapshot : snapshots) {
            String key = snapshot.key();
            KnownSession before = changes.containsKey(key) ? changes.get(key) : state.get(key);
            SessionDiff diff = new SessionDiff(snapshot, before, observedAt);
            events.addAll(diff.events());
            KnownSession after = diff.after();
            // only what changed becomes a state record: an unchanged session's memory is on the state topic already
            if (after != before && !after.equals(before)) {
                changes.put(key, after);
            }
        }
        if (missing != MissingPolicy.IGNORE && !completeScopes.isEmpty()) {
            // built only here: with unchanged sessions skipped it is most of a poll, and most sources ignore it
            Set<String> seen = new HashSet<>(unchanged);
            snapshots.forEach(s -> seen.add(s.key()));
            state.of(system)
                    .filter(k -> completeScopes.contains(k.scope()) && canVanish(k, missing))
                    .filter(k -> !seen.contains(SessionKeys.of(k.data())))
                    .forEach(k -> vanish(k, missing, observedAt, events, changes));
        }
        return new Transitions(List.copyOf(events), changes);
    }

    public void commit(Transitions transitions) {
        known.apply(transitions.changes());
        remember(transitions.inputs());
    }

    public void commit(SystemId system, Transitions transitions, Instant polledAt) {
        commit(transitions);
        if (polledAt != null) {
            known.advance(system, polledAt);
        }
    }

    private void remember(PolledInputs polled) {
        if (polled != null) {
            inputs(polled.system()).replace(polled.sessionByInput());
        }
    }

    /** An ended session can still be deleted (StoryCLM lists finished ones too); only an open one can end. */
    private static boolean canVanish(KnownSession k, MissingPolicy missing) {
        return missing == MissingPolicy.DELETED ? !k.isDeleted() : k.isOpen();
    }

    private static void vanish(KnownSession gone, MissingPolicy missing, Instant observedAt,
                               List<SessionEvent> events, Map<String, KnownSession> changes) {
        EventType type = missing == MissingPolicy.DELETED ? EventType.SESSION_DELETED : EventType.SESSION_ENDED;
        SessionData data = gone.data().withStatus(type.resultingStatus());
        events.add(SessionEvent.of(EventIds.of(data, type, ""), gone.source(),
                type, observedAt, data));
        List<EventType> reached = new ArrayList<>(gone.reached());
        reached.add(type);
        changes.put(SessionKeys.of(data),
                new KnownSession(gone.scope(), gone.source(), reached, gone.fingerprint(), gone.joined(),
                        gone.left(), data));
    }
}
