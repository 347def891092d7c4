package io.sessionflow.demo;

import io.sessionflow.cli.DurationOption;
import io.sessionflow.cli.ExitCode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code demo [--duration 30s]}. */
@Command(name = "demo", description = "Embedded Kafka + every simulated vendor + the pipeline; one line per event."
        + " Each start simulates new sessions; the log goes to SESSIONFLOW_LOG_FILE.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--duration", paramLabel = "<duration>", converter = DurationOption.class,
            description = "stop after that long: 30s, 5m (default: until Ctrl-C)")
    Duration duration;

    @Override
    public Integer call() throws Exception {
        Demo.run(duration, System.out);
        return ExitCode.OK;
    }
}
