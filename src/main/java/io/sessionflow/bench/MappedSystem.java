package io.sessionflow.bench;

import io.sessionflow.event.SystemId;
import io.sessionflow.source.SessionMapper;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.ispring.IspringMapper;
import io.sessionflow.source.seeit.SeeitMapper;
import io.sessionflow.source.storyclm.StoryclmMapper;
import io.sessionflow.source.webinar.WebinarMapper;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionSnapshot;
import io.sessionflow.track.SessionTracker;
import io.sessionflow.track.Transitions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One system's mapper with records to map and a tracker that already knows them, as in a steady-state
 * poll: most records are unchanged, and each still costs a mapping and a diff.
 */
final class MappedSystem<R> {
    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final SystemId system;
    private final SessionMapper<R> mapper;
    private final List<SourceRecord<R>> records = new ArrayList<>();
    private final SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());

    private MappedSystem(SystemId system, SessionMapper<R> mapper, BiFunction<Integer, Integer, SourceRecord<R>> make,
                         int count) {
        this.system = system;
        this.mapper = mapper;
        for (int i = 0; i < count; i++) {
            records.add(make.apply(i, 0));
        }
        List<SessionSnapshot> first = records.stream().map(r -> mapper.map(r, NOW)).toList();
        tracker.commit(tracker.diff(system, first, Set.of(), MissingPolicy.IGNORE, NOW));
    }

    static MappedSystem<?> of(String system, int count) {
        return switch (system) {
            case "webinar" -> new MappedSystem<>(SystemId.WEBINAR, new WebinarMapper(), SyntheticRecords::webinar, count);
            case "seeit" -> new MappedSystem<>(SystemId.SEEIT, new SeeitMapper(), SyntheticRecords::seeit, count);
            case "storyclm" -> new MappedSystem<>(SystemId.STORYCLM, new StoryclmMapper(), SyntheticRecords::storyclm,
                    count);
            case "ispring" -> new MappedSystem<>(SystemId.ISPRING, new IspringMapper(), SyntheticRecords::ispring,
                    count);
            default -> throw new IllegalArgumentException("no system '" + system + "'");
        };
    }

    int size() {
        return records.size();
    }

    /** Maps record {@code i} and diffs it against what the tracker knows. */
    Transitions mapAndDiff(int i) {
        SessionSnapshot snapshot = mapper.map(records.get(i), NOW);
        return tracker.diff(system, List.of(snapshot), Set.of(), MissingPolicy.IGNORE, NOW);
    }
}
