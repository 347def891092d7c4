package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.PolledInputs;
import io.sessionflow.track.RecordDigest;
import io.sessionflow.track.RecordInputs;
import io.sessionflow.track.SessionSnapshot;
import io.sessionflow.track.SnapshotDiff;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one map -> dead-letter -> diff step of every source, polled or pushed: each fetched record is mapped, a record
 * the mapper refuses goes to the dead letters with its raw text and the reason, and the snapshots are diffed. A
 * record whose input is exactly the one the session's committed state was made from is neither mapped nor diffed
 * (most of a steady-state poll): it would yield nothing, and it still counts as listed.
 */
public final class MapAndDiff<R> {
    private final SourceAccount account;
    private final SystemId system;
    private final SessionMapper<R> mapper;
    private final MissingPolicy missing;

    /** What one list of records yields: the transitions (with the record inputs to remember) and the dead letters. */
    public record Result(Transitions transitions, List<DeadLetter> deadLetters) {
    }

    public MapAndDiff(SourceAccount account, SessionMapper<R> mapper, MissingPolicy missing) {
        this.account = account;
        this.system = account.system();
        this.mapper = mapper;
        this.missing = missing;
    }

    /**
     * @param completeScopes the scopes the records list completely (see {@link SessionSnapshot#scope()})
     * @param committed      which input made each session's committed state
     * @param against        the committed memory, or a run of lists published together
     */
    public Result apply(List<SourceRecord<R>> records, Collection<String> completeScopes, RecordInputs committed,
                        SnapshotDiff against, Instant now) {
        List<SessionSnapshot> snapshots = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        Set<String> complete = new HashSet<>(completeScopes);
        PolledInputs inputs = new PolledInputs(system, records.size());
        for (SourceRecord<R> record : records) {
            RecordDigest input = mapper.readsOnlyItsRecord() ? RecordDigest.of(record.scope(), record.input()) : null;
            String unchanged = committed.sessionOf(input);
            if (unchanged != null && !inputs.has(unchanged)) {
                inputs.unchanged(unchanged, input);
                continue;
            }
            try {
                SessionSnapshot snapshot = mapper.map(record, now).of(account);
                snapshots.add(snapshot);
                inputs.mapped(snapshot.key(), input);
            } catch (RuntimeException e) {
                deadLetters.add(new DeadLetter(system, record.endpoint(), now, reason(e), record.raw()));
                // the unreadable record may be a known session: its scope is not known completely this time
                complete.remove(record.scope());
            }
        }
        Transitions transitions = against.diff(system, snapshots, inputs.unchangedSessions(), complete, missing, now);
        return new Result(transitions.withInputs(inputs), deadLetters);
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof UnmappableRecordException ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
