package io.sessionflow.bench;

import io.sessionflow.event.SystemId;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SourceModules;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionSnapshot;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One module's mapper with its bench records to map and a tracker that already knows them, as in a steady-state
 * poll: most records are unchanged, and each still costs a mapping and a diff.
 */
final class MappedSystem<R> {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final SystemId system;
    private final BenchRecords<R> bench;
    private final List<SourceRecord<R>> records = new ArrayList<>();
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    private MappedSystem(SystemId system, BenchRecords<R> bench, int count) {
        this.system = system;
        this.bench = bench;
        for (int i = 0; i < count; i++) {
            records.add(bench.record(i, 0));
        }
        List<SessionSnapshot> first = records.stream().map(r -> bench.mapper().map(r, NOW)).toList();
        tracker.commit(tracker.diff(system, first, Set.of(), MissingPolicy.IGNORE, NOW));
    }

    static MappedSystem<?> of(String system, int count) {
        SystemId id = SystemId.of(system);
        BenchRecords<?> bench = SourceModules.of(id).flatMap(m -> m.benchRecords())
                .orElseThrow(() -> new IllegalArgumentException("no bench records for system '" + system + "'"));
        return new MappedSystem<>(id, bench, count);
    }

    int size() {
        return records.size();
    }

    /** Maps record {@code i} and diffs it against what the tracker knows. */
    Transitions mapAndDiff(int i) {
        SessionSnapshot snapshot = bench.mapper().map(records.get(i), NOW);
        return tracker.diff(system, List.of(snapshot), Set.of(), MissingPolicy.IGNORE, NOW);
    }
}
