package io.sessionflow.app;

import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.LogsToConsole;
import io.sessionflow.config.Settings;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code run} (the default): the pipeline as a service; its log stays on stderr for whoever collects it. */
@Command(name = "run", description = "Poll the configured vendors and publish to Kafka (the embedded broker when"
        + " SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS is unset); stops gracefully on SIGTERM. The default command.")
public final class RunCommand implements Callable<Integer>, LogsToConsole {

    @Override
    public Integer call() throws Exception {
        SessionflowApp.create(Settings.fromEnvironment(), Clock.systemUTC()).run();
        return ExitCode.OK;
    }
}
