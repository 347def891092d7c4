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
    private final Forgetting forgetting;
    /** When the memory was last looked through for what to forget: a walk over every session, not every poll. */
    private volatile Instant lastSweep;
    /** In memory only: after a restart every record is mapped once, which rebuilds it. */
    private final Map<SystemId, RecordInputs> inputs = new ConcurrentHashMap<>();

    public SessionTracker(KnownSessions known) {
        this(known, Forgetting.NEVER);
    }

    public SessionTracker(KnownSessions known, Forgetting forgetting) {
        this.known = known;
        this.forgetting = forgetting;
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
            if (awaitsConfirmation(snapshot, before)) {
                // the vendor answered "not found" for the first time: remembered, believed only if the next poll agrees
                changes.put(key, before.notFoundAgain());
                continue;
            }
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
        Forgotten forgotten = Forgotten.NONE;
        if (forgetting.isOn() && forgetting.sweepDue(lastSweep, observedAt)) {
            // in memory only, and set before the commit: a failed one delays forgetting to the next sweep, no more
            lastSweep = observedAt;
            forgotten = forget(state, system, snapshots, unchanged, missing, observedAt, changes);
        }
        return new Transitions(List.copyOf(events), changes, null, forgotten);
    }

    /**
     * The closed sessions of the system that are due to be forgotten, unless this very poll lists them, and its
     * dead letters remembered long enough. A closed session restored from a record that predates
     * {@code closedAt} is given this poll's time instead (a state record), so it is forgotten in its turn.
     */
    private Forgotten forget(SessionLookup state, SystemId system, List<SessionSnapshot> snapshots,
                             Collection<String> unchanged, MissingPolicy missing, Instant observedAt,
                             Map<String, KnownSession> changes) {
        Instant closedBefore = forgetting.sessionsClosedBefore(observedAt);
        Set<String> sessions = new HashSet<>();
        Set<String> listed = null;
        for (KnownSession k : (Iterable<KnownSession>) state.of(system)::iterator) {
            String key = SessionKeys.of(k.data());
            if (!k.isOpen() && k.closedAt() == null) {
                changes.putIfAbsent(key, k.closedAt(observedAt));
            } else if (Forgetting.canForget(k, missing, closedBefore) && !changes.containsKey(key)) {
                if (listed == null) {
                    listed = new HashSet<>(unchanged);
                    for (SessionSnapshot s : snapshots) {
                        listed.add(s.key());
                    }
                }
                if (!listed.contains(key)) {
                    sessions.add(key);
                }
            }
        }
        Set<String> deadLetters = known.deadLettersBefore(forgetting.deadLettersBefore(observedAt))
                .collect(java.util.stream.Collectors.toSet());
        return sessions.isEmpty() && deadLetters.isEmpty() ? Forgotten.NONE : new Forgotten(sessions, deadLetters);
    }

    public void commit(Transitions transitions) {
        known.forget(transitions.forgotten());
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

    /**
     * A snapshot that says the vendor did not find an open session it listed before, while fewer answers than
     * {@link Inference#NOT_FOUND_CONFIRMATIONS} in a row said so: one answer may be the vendor's mistake.
     */
    private static boolean awaitsConfirmation(SessionSnapshot snapshot, KnownSession before) {
        if (before == null || !before.isOpen()) {
            return false;
        }
        boolean notFound = snapshot.milestones().stream().anyMatch(m -> m.basis() == Milestone.Basis.NOT_FOUND);
        return notFound && before.inference().notFound() + 1 < Inference.NOT_FOUND_CONFIRMATIONS;
    }

    /** An ended session can still be deleted (StoryCLM lists finished ones too); only an open one can end. */
    private static boolean canVanish(KnownSession k, MissingPolicy missing) {
        return missing == MissingPolicy.DELETED ? !k.isDeleted() : k.isOpen();
    }

    private static void vanish(KnownSession gone, MissingPolicy missing, Instant observedAt,
                               List<SessionEvent> events, Map<String, KnownSession> changes) {
        EventType type = missing == MissingPolicy.DELETED ? EventType.SESSION_DELETED : EventType.SESSION_ENDED;
        SessionData data = gone.data().withStatus(type.resultingStatus());
        events.add(SessionEvent.of(EventIds.of(data, type, gone.inference().lifecycleDiscriminator()), gone.source(),
                type, observedAt, data));
        List<EventType> reached = new ArrayList<>(gone.reached());
        reached.add(type);
        // concluded from absence: the vendor listing it open again reopens it
        changes.put(SessionKeys.of(data),
                new KnownSession(gone.scope(), gone.source(), reached, gone.fingerprint(), gone.joined(),
                        gone.left(), data, gone.updates(), observedAt, gone.inference().closed(true)));
    }
}
