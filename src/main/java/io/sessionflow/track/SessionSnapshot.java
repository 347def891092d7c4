package io.sessionflow.track;

import io.sessionflow.event.SessionData;
import java.time.Instant;
import java.util.List;

/**
 * What a mapper makes of one vendor session as fetched now: its canonical data, the lifecycle steps it has
 * reached in order, and who has been in it.
 *
 * @param scope     the unit the vendor lists completely (a training, a user's list); absence from a complete
 *                  scope means the session left it
 * @param account   the vendor account the session belongs to, when the vendor has one; part of the event source
 * @param changedAt the vendor's last-modified time, used as the time of an update; null when unknown
 */
public record SessionSnapshot(String scope, String account, SessionData data, List<Milestone> milestones,
                              List<ParticipantVisit> participants, Instant changedAt) {

    public SessionSnapshot {
        if (milestones.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one lifecycle milestone");
        }
        milestones = List.copyOf(milestones);
        participants = List.copyOf(participants);
    }

    public String source() {
        String base = "sessionflow/" + data.system().id();
        return account == null || account.isBlank() ? base : base + "/" + account;
    }

    public String key() {
        return SessionKeys.of(data.system(), data.sessionId());
    }
}
