package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole pipeline of one polling source's account: fetch, then the shared {@link MapAndDiff} step against what
 * was published.
 */
public final class SnapshotPoller<R> implements AccountSource {
    private final SourceAccount account;
    private final SnapshotFetcher<R> fetcher;
    private final MapAndDiff<R> step;
    private final SessionTracker tracker;
    private final Clock clock;

    public SnapshotPoller(SourceAccount account, SnapshotFetcher<R> fetcher, SessionMapper<R> mapper,
                          MissingPolicy missing, SessionTracker tracker, Clock clock) {
        this.account = account;
        this.fetcher = fetcher;
        this.step = new MapAndDiff<>(account, mapper, missing);
        this.tracker = tracker;
        this.clock = clock;
    }

    public PollBatch poll() {
        Instant now = clock.instant();
        FetchResult<R> fetched = fetcher.fetch(now, tracker.known());
        MapAndDiff.Result mapped = step.apply(fetched.records(), fetched.completeScopes(),
                tracker.inputs(account.system()), tracker, now);
        List<DeadLetter> deadLetters = new ArrayList<>(fetched.unreadable());
        deadLetters.addAll(mapped.deadLetters());
        return PollBatch.partial(account, fetched.raw(), mapped.transitions(), deadLetters, now, fetched.failedParts());
    }

    public SourceAccount account() {
        return account;
    }
}
