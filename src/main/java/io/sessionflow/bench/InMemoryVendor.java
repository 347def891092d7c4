package io.sessionflow.bench;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.track.KnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A vendor with {@code n} sessions held as the module's parsed bench records, so a poll costs what the pipeline
 * costs (map, diff, serialize, publish) and not HTTP. Each {@link #change} revises the next slice of sessions, which
 * the tracker must turn into one {@code session.updated} each.
 */
final class InMemoryVendor<R> implements SnapshotFetcher<R> {
    private final SourceModule module;
    private final BenchRecords<R> bench;
    private final List<SourceRecord<R>> records = new ArrayList<>();
    private int revision;
    private int nextToChange;

    private InMemoryVendor(SourceModule module, BenchRecords<R> bench, int sessions) {
        this.module = module;
        this.bench = bench;
        for (int i = 0; i < sessions; i++) {
            records.add(bench.record(i, 0));
        }
    }

    static InMemoryVendor<?> of(SourceModule module, int sessions) {
        return new InMemoryVendor<>(module, module.benchRecords().orElseThrow(() -> new IllegalArgumentException(
                module.system() + " offers no bench records")), sessions);
    }

    /** Revises {@code count} sessions, the ones after those changed last time, wrapping around. */
    void change(int count) {
        revision++;
        for (int i = 0; i < count; i++) {
            int n = (nextToChange + i) % records.size();
            records.set(n, bench.record(n, revision));
        }
        nextToChange = (nextToChange + count) % records.size();
    }

    /** The real poller over this vendor, with the module's mapper. */
    SnapshotPoller<R> poller(SessionTracker tracker) {
        return new SnapshotPoller<>(SourceAccount.defaultOf(module.system()), this, bench.mapper(),
                MissingPolicy.IGNORE, tracker, Clock.systemUTC());
    }

    @Override
    public FetchResult<R> fetch(Instant now, KnownSessions known) {
        return new FetchResult<>(List.of(), records, Set.of(), List.of());
    }
}
