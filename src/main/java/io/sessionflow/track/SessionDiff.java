package io.sessionflow.track;

import io.sessionflow.event.EventIds;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SessionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The events between what was published for one session and its snapshot now, in the order a consumer
 * expects: lifecycle steps, then participants, then an update, then the terminal step.
 *
 * <p>A session's status never goes back. A vendor that reports a step behind the furthest one published (an
 * ended session listed as created again, a reused id, a started one as scheduled) yields no lifecycle event for
 * it, and the status remembered and carried by later updates stays the one consumers last saw. The one exception is a
 * session whose end or deletion was concluded, not reported (absence, an expiry, "not found"; {@link Inference}): when
 * the vendor lists it open again it is reopened ({@code session.reopened}, first), back to the last step before the
 * close, and its later lifecycle steps carry the reopen's number in their ids.
 */
final class SessionDiff {
    private static final Comparator<ParticipantVisit> VISIT_ORDER = Comparator
            .comparing(ParticipantVisit::joinedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ParticipantVisit::key);
    private final SessionSnapshot now;
    /** What was published; when the snapshot reopens the session, what it is back to. */
    private final KnownSession before;
    private final boolean reopening;
    private final Instant observedAt;
    private final SessionData current;
    /** The data is exactly what was published before (most sessions of a steady-state poll). */
    private final boolean sameData;
    private final String fingerprint;
    private final List<SessionEvent> events = new ArrayList<>();
    private UpdateHistory updates;
    /** The steps to publish now: reached for the first time, and not behind the furthest one published. */
    private final List<Milestone> fresh;
    /** The session's status at the point of the sequence being emitted, so earlier events never claim a later one. */
    private SessionStatus statusSoFar;

    SessionDiff(SessionSnapshot now, KnownSession known, Instant observedAt) {
        this.now = now;
        this.observedAt = observedAt;
        SessionStatus reported = statusOf(now.milestones());
        this.reopening = known != null && known.wasClosedByInference() && !isClosed(reported);
        KnownSession base = reopening ? backBeforeClose(known, reported) : known;
        this.current = now.data().withStatus(base == null || !isBehind(reported, base.data().status())
                ? reported : base.data().status());
        this.sameData = base != null && current.equals(base.data());
        this.fingerprint = sameData ? base.fingerprint() : Fingerprints.of(current, base);
        // the reopened event carries the data as the vendor lists it now: no update of its own for it
        this.before = reopening ? base.withFingerprint(fingerprint) : base;
        this.fresh = fresh(now, before);
        this.updates = before == null ? UpdateHistory.NONE : before.updates();
        if (before == null || !before.isDeleted()) {
            collect();
        }
    }

    List<SessionEvent> events() {
        return events;
    }

    KnownSession after() {
        if (before != null && (before.isDeleted() || nothingNew())) {
            return before;
        }
        Milestone terminal = fresh.stream().filter(Milestone::isTerminal).reduce((a, b) -> b).orElse(null);
        Inference inference = before == null ? Inference.NONE : before.inference();
        // a session read again is no longer "not found"; a close remembers whether it was concluded
        inference = terminal == null ? inference.withNotFound(0) : inference.closed(terminal.isConclusion());
        List<EventType> reached = new ArrayList<>(before == null ? List.of() : before.reached());
        Set<String> joined = new HashSet<>(before == null ? Set.of() : before.joined());
        Set<String> left = new HashSet<>(before == null ? Set.of() : before.left());
        fresh.stream().map(Milestone::type).filter(t -> !reached.contains(t)).forEach(reached::add);
        now.participants().forEach(p -> {
            joined.add(p.key());
            if (p.leftAt() != null) {
                left.add(p.key());
            }
        });
        Instant closedAt = before != null && before.closedAt() != null ? before.closedAt() : null;
        KnownSession after = new KnownSession(now.scope(), now.source(), reached, fingerprint, joined, left, current,
                updates, closedAt, inference);
        return after.isOpen() || closedAt != null ? after : after.closedAt(observedAt);
    }

    /**
     * Whether the session is exactly as remembered: the memory {@link #after} would build equals {@code before},
     * so {@code before} is kept instead of copying its lists and sets for every unchanged session.
     */
    private boolean nothingNew() {
        if (!sameData
                || !java.util.Objects.equals(now.scope(), before.scope())
                || !now.source().equals(before.source())
                || before.inference().notFound() > 0) {
            return false;
        }
        if (!fresh.isEmpty()) {
            return false;
        }
        for (ParticipantVisit p : now.participants()) {
            if (!before.joined().contains(p.key()) || (p.leftAt() != null && !before.left().contains(p.key()))) {
                return false;
            }
        }
        return true;
    }

    private static List<Milestone> fresh(SessionSnapshot now, KnownSession before) {
        List<Milestone> fresh = new ArrayList<>(now.milestones().size());
        for (Milestone m : now.milestones()) {
            if (before == null || (!before.hasReached(m.type())
                    && !isBehind(m.type().resultingStatus(), before.data().status()))) {
                fresh.add(m);
            }
        }
        return fresh;
    }

    private static boolean isClosed(SessionStatus status) {
        return status == SessionStatus.ENDED || status == SessionStatus.DELETED;
    }

    /**
     * A session closed on a conclusion that the vendor lists open again: back to the last step it had reached before
     * the close (at least where the vendor is now), open, and one reopen further.
     */
    private static KnownSession backBeforeClose(KnownSession closed, SessionStatus reported) {
        List<EventType> open = closed.reachedBeforeClose();
        SessionStatus back = open.isEmpty() ? reported : open.get(open.size() - 1).resultingStatus();
        return new KnownSession(closed.scope(), closed.source(), open, closed.fingerprint(), closed.joined(),
                closed.left(), closed.data().withStatus(back), closed.updates(), null, closed.inference().reopened());
    }

    /** Whether {@code status} comes before {@code published} in a session's life. */
    private static boolean isBehind(SessionStatus status, SessionStatus published) {
        return published != null && status.ordinal() < published.ordinal();
    }

    private void collect() {
        Milestone last = fresh.isEmpty() ? null : fresh.get(fresh.size() - 1);
        statusSoFar = before == null ? null : before.data().status();
        if (reopening) {
            emit(EventType.SESSION_REOPENED, String.valueOf(before.inference().reopens()), timeOr(now.changedAt()),
                    current.withStatus(statusSoFar), false);
        }
        for (Milestone m : fresh) {
            if (!m.isTerminal()) {
                emitMilestone(m, m != last, fresh);
                statusSoFar = m.type().resultingStatus();
            }
        }
        if (statusSoFar == null) {
            statusSoFar = current.status();
        }
        participantEvents();
        if (fresh.isEmpty() && before != null && !before.fingerprint().equals(fingerprint)) {
            emit(EventType.SESSION_UPDATED, updates.discriminator(fingerprint), timeOr(now.changedAt()),
                    current.withStatus(statusSoFar), false);
            updates = updates.next(fingerprint);
        }
        for (Milestone m : fresh) {
            if (m.isTerminal()) {
                emitMilestone(m, m != last, fresh);
            }
        }
    }

    private void emitMilestone(Milestone m, boolean skipped, List<Milestone> fresh) {
        SessionData data = current.withStatus(m.type().resultingStatus());
        String discriminator = before == null ? "" : before.inference().lifecycleDiscriminator();
        emit(m.type(), discriminator, timeOf(m, fresh), data, m.inferred() || skipped);
    }

    /**
     * The vendor's time for a step; when it gives none, the time of the next step it does give (a session was
     * scheduled no later than it started), and only then the time it was observed.
     */
    private Instant timeOf(Milestone m, List<Milestone> fresh) {
        if (m.at() != null) {
            return m.at();
        }
        return fresh.subList(fresh.indexOf(m), fresh.size()).stream().map(Milestone::at)
                .filter(java.util.Objects::nonNull).findFirst().orElse(observedAt);
    }

    private void participantEvents() {
        Set<String> joined = before == null ? Set.of() : before.joined();
        Set<String> left = before == null ? Set.of() : before.left();
        // only visits with news are sorted and copied: an unchanged session has none
        List<ParticipantVisit> visits = new ArrayList<>();
        for (ParticipantVisit v : now.participants()) {
            if (!joined.contains(v.key()) || (v.leftAt() != null && !left.contains(v.key()))) {
                visits.add(v);
            }
        }
        visits.sort(VISIT_ORDER);
        for (ParticipantVisit v : visits) {
            SessionData data = current.withStatus(statusSoFar).withMarks(v.person(), false, false);
            if (!joined.contains(v.key())) {
                emit(EventType.PARTICIPANT_JOINED, v.key(), timeOr(v.joinedAt()), data, false);
            }
            if (v.leftAt() != null && !left.contains(v.key())) {
                emit(EventType.PARTICIPANT_LEFT, v.key(), v.leftAt(), data, false);
            }
        }
    }

    private void emit(EventType type, String discriminator, Instant time, SessionData data, boolean inferred) {
        SessionData marked = data.withMarks(data.participant(), inferred, data.recovered());
        String id = EventIds.of(data, type, discriminator);
        events.add(SessionEvent.of(id, now.source(), type, time, marked));
    }

    private Instant timeOr(Instant vendorTime) {
        return vendorTime != null ? vendorTime : observedAt;
    }

    private static SessionStatus statusOf(List<Milestone> milestones) {
        return milestones.get(milestones.size() - 1).type().resultingStatus();
    }
}
