package io.sessionflow.track;

import io.sessionflow.event.SystemId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What one fetch's snapshots are diffed against: the committed memory ({@link SessionTracker}), or a run of
 * snapshots published together ({@link SnapshotRun}).
 */
public interface SnapshotDiff {

    /**
     * @param unchanged      keys of sessions listed with the same record as their committed state, not mapped:
     *                       they yield nothing, but count as listed for {@code missing}
     * @param completeScopes scopes this fetch listed completely; known sessions of these scopes that are absent
     *                       are handled by {@code missing}
     */
    Transitions diff(SystemId system, List<SessionSnapshot> snapshots, Collection<String> unchanged,
                     Collection<String> completeScopes, MissingPolicy missing, Instant observedAt);

    /** Every listed session mapped: none was skipped as unchanged. */
    default Transitions diff(SystemId system, List<SessionSnapshot> snapshots, Collection<String> completeScopes,
                             MissingPolicy missing, Instant observedAt) {
        return diff(system, snapshots, List.of(), completeScopes, missing, observedAt);
    }
}
