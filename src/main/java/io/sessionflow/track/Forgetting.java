package io.sessionflow.track;

import java.time.Duration;
import java.time.Instant;

/**
 * When an account's tracker forgets a session that ended or was deleted (and a dead letter it published), so that
 * memory and the state topic do not grow with every session ever seen. A session is forgotten {@code after} it
 * closed, but never while the account's polls can still list it: {@code listedFor} says how long after a session
 * closed they may (a poll window), and a forgotten session listed again would be published as new. A source whose
 * list holds every session the vendor keeps (absence means deleted) keeps its ended sessions until they are
 * deleted: that memory is as large as the vendor's own list, and no larger.
 *
 * @param after     null: never forget
 * @param listedFor how long after a session closed a poll can still list it
 */
public record Forgetting(Duration after, Duration listedFor) {
    public static final Forgetting NEVER = new Forgetting(null, Duration.ZERO);
    /** How often the memory is looked through at most: forgetting is due days after, an hour late costs nothing. */
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    boolean isOn() {
        return after != null;
    }

    /** Whether to look through the memory now: an hour (or {@code after}, when shorter) after the last time. */
    boolean sweepDue(Instant lastSweep, Instant now) {
        Duration every = after.compareTo(SWEEP_EVERY) < 0 ? after : SWEEP_EVERY;
        return lastSweep == null || !now.isBefore(lastSweep.plus(every));
    }

    /** Sessions that closed before the returned instant can be forgotten now. */
    Instant sessionsClosedBefore(Instant now) {
        return now.minus(listedFor.compareTo(after) > 0 ? listedFor : after);
    }

    /** @param missing what absence from the source's list means: DELETED is a list of every session kept */
    static boolean canForget(KnownSession k, MissingPolicy missing, Instant closedBefore) {
        return k.closedAt() != null && k.closedAt().isBefore(closedBefore)
                && (missing != MissingPolicy.DELETED || k.isDeleted());
    }

    Instant deadLettersBefore(Instant now) {
        return now.minus(after);
    }
}
