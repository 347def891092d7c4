package io.sessionflow.bench;

import io.sessionflow.track.Transitions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** JMH: mapping one already-parsed vendor record plus the tracker diff, one thread, records per second. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MappingBenchmark {
    /** Enough distinct sessions that the tracker's map is not all in L1, few enough to build quickly. */
    private static final int SESSIONS = 4096;

    /** Set by {@link MappingStage} to every module that offers bench records. */
    @Param({""})
    public String system;

    private MappedSystem<?> mapped;
    private int next;

    @Setup
    public void setUp() {
        mapped = MappedSystem.of(system, SESSIONS);
    }

    @Benchmark
    public Transitions mapAndDiff() {
        next = (next + 1) % SESSIONS;
        return mapped.mapAndDiff(next);
    }
}
