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
 * @param vendorAccount the vendor's own account the session belongs to (webinar.ru's organization), when the
 *                  vendor has one; part of the event source of account {@code default}
 * @param changedAt the vendor's last-modified time, used as the time of an update; null when unknown
 */
public record SessionSnapshot(String scope, String vendorAccount, SessionData data, List<Milestone> milestones,
                              List<ParticipantVisit> participants, Instant changedAt) {

    public SessionSnapshot {
        if (milestones.isEmpty()) {
            throw new IllegalArgumentException("a snapshot needs at least one lifecycle milestone");
        }
        milestones = List.copyOf(milestones);
        participants = List.copyOf(participants);
    }

    /** {@code sessionflow/<system>/<account>}; account {@code default} keeps the source it had before accounts. */
    public String source() {
        String base = "sessionflow/" + data.system().id();
        if (data.account() != null) {
            return base + "/" + data.account();
        }
        return vendorAccount == null || vendorAccount.isBlank() ? base : base + "/" + vendorAccount;
    }

    public String key() {
        return SessionKeys.of(data);
    }

    /** This snapshot as polled through one account of its system. */
    public SessionSnapshot of(io.sessionflow.event.SourceAccount account) {
        String inData = account.inData();
        return java.util.Objects.equals(inData, data.account()) ? this
                : new SessionSnapshot(scope, vendorAccount, data.withAccount(inData), milestones, participants,
                        changedAt);
    }
}
