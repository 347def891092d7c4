package io.sessionflow.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link MappingBenchmark} through JMH's API for every module with bench records: a forked JVM each in the full
 * run.
 */
final class MappingStage {
    private final BenchSizes sizes;

    MappingStage(BenchSizes sizes) {
        this.sizes = sizes;
    }

    /** @return records per second on one thread, per system */
    Map<String, Double> run() throws RunnerException {
        TimeValue iteration = TimeValue.milliseconds(sizes.jmhIterationTime().toMillis());
        Options options = new OptionsBuilder()
                .include(MappingBenchmark.class.getName() + ".mapAndDiff")
                .forks(sizes.jmhForked() ? 1 : 0)
                .jvmArgsAppend("-Xmx1g")
                .warmupIterations(sizes.jmhWarmups())
                .warmupTime(iteration)
                .measurementIterations(sizes.jmhIterations())
                .measurementTime(iteration)
                .threads(1)
                .param("system", io.sessionflow.source.SourceModules.all().stream()
                        .filter(m -> m.benchRecords().isPresent()).map(m -> m.system().id()).toArray(String[]::new))
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> perSystem = new LinkedHashMap<>();
        for (RunResult r : results) {
            perSystem.put(r.getParams().getParam("system"), r.getPrimaryResult().getScore());
        }
        return perSystem;
    }
}
