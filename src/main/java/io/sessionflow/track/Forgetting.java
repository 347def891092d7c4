package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * When the tracker forgets a session that ended or was deleted (and a dead letter it published), so that memory
 * and the state topic do not grow with every session ever seen. A session is forgotten {@code after} it closed,
 * but never while its source's polls can still list it: {@code listedFor} says, per system, how long after a
 * session closed they may (a poll window), and a forgotten session listed again would be published as new. A
 * source whose list holds every session the vendor keeps (absence means deleted) keeps its ended sessions until
 * they are deleted: that memory is as large as the vendor's own list, and no larger.
 *
 * @param after     null: never forget
 * @param listedFor per system, how long after a session closed a poll can still list it; absent: not at all
 */
public record Forgetting(Duration after, Map<SystemId, Duration> listedFor) {
    public static final Forgetting NEVER = new Forgetting(null, Map.of());

    public Forgetting {
        listedFor = Map.copyOf(listedFor);
    }

    boolean isOn() {
        return after != null;
    }

    /** Sessions of this system that closed before the returned instant can be forgotten now. */
    Instant sessionsClosedBefore(SystemId system, Instant now) {
        Duration listed = listedFor.getOrDefault(system, Duration.ZERO);
        return now.minus(listed.compareTo(after) > 0 ? listed : after);
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
