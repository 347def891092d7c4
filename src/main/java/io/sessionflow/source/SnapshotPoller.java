package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.PolledInputs;
import io.sessionflow.track.RecordDigest;
import io.sessionflow.track.RecordInputs;
import io.sessionflow.track.SessionSnapshot;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.Transitions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole pipeline of one polling source's account: fetch, map each record, diff against what was published.
 * A record whose input is exactly the one the session's committed state was made from is neither mapped nor
 * diffed (most of a steady-state poll): it would yield nothing, and it still counts as listed.
 */
public final class SnapshotPoller<R> implements AccountSource {
    private final SourceAccount account;
    private final SystemId system;
    private final SnapshotFetcher<R> fetcher;
    private final SessionMapper<R> mapper;
    private final MissingPolicy missing;
    private final SessionTracker tracker;
    private final Clock clock;

    public SnapshotPoller(SourceAccount account, SnapshotFetcher<R> fetcher, SessionMapper<R> mapper,
                          MissingPolicy missing, SessionTracker tracker, Clock clock) {
        this.account = account;
        this.system = account.system();
        this.fetcher = fetcher;
        this.mapper = mapper;
        this.missing = missing;
        this.tracker = tracker;
        this.clock = clock;
    }

    public PollBatch poll() {
        Instant now = clock.instant();
        FetchResult<R> fetched = fetcher.fetch(now, tracker.known());
        List<SessionSnapshot> snapshots = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>(fetched.unreadable());
        Set<String> completeScopes = new HashSet<>(fetched.completeScopes());
        RecordInputs committed = tracker.inputs(system);
        PolledInputs inputs = new PolledInputs(system, fetched.records().size());
        for (SourceRecord<R> record : fetched.records()) {
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
                completeScopes.remove(record.scope());
            }
        }
        Transitions transitions = tracker.diff(system, snapshots, inputs.unchangedSessions(), completeScopes,
                missing, now);
        return new PollBatch(account, fetched.raw(), transitions.withInputs(inputs), deadLetters, now, true,
                fetched.failedParts());
    }

    public SourceAccount account() {
        return account;
    }

    private static String reason(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return e instanceof UnmappableRecordException ? message : e.getClass().getSimpleName() + ": " + message;
    }
}
