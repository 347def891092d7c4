package io.sessionflow.bench;

import java.time.Duration;
import java.util.List;

/**
 * How big each stage runs. {@link #full} is the documented benchmark (a few minutes on 2 cores);
 * {@link #quick} only proves every stage works, for the test suite.
 */
record BenchSizes(int pipelineSessions, int changedPerPoll, int pipelinePolls, int httpSessions, int httpPolls,
                  List<Integer> scalingSessions, int scalingPolls, boolean jmhForked, int jmhWarmups, int jmhIterations,
                  Duration jmhIterationTime, boolean startupProbe, Duration steadyStateWait, List<Integer> feedRates,
                  Duration feedLength, int churnPerDay, int churnDays, int churnForgetDays) {

    static BenchSizes full() {
        return new BenchSizes(40_000, 20_000, 10, 200, 5, List.of(1_000, 10_000, 100_000), 5, true, 5, 3,
                Duration.ofSeconds(2), true, Duration.ofSeconds(15), List.of(100, 1000),
                Duration.ofSeconds(5), 2_000, 60, 10);
    }

    static BenchSizes quick() {
        return new BenchSizes(200, 100, 2, 5, 1, List.of(100, 1_000), 2, false, 1, 1, Duration.ofMillis(100), false,
                Duration.ZERO, List.of(20), Duration.ofSeconds(1), 20, 12, 3);
    }
}
