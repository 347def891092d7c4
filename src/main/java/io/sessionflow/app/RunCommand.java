package io.sessionflow.app;

import io.sessionflow.cli.ExitCode;
import io.sessionflow.cli.LogsToConsole;
import io.sessionflow.cluster.AccountsTopic;
import io.sessionflow.cluster.ClusterSettings;
import io.sessionflow.config.Settings;
import io.sessionflow.source.SourceModules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code run} (the default): the pipeline as a service; its log stays on stderr for whoever collects it. */
@Command(name = "run", description = "Poll the configured vendors and publish to Kafka (the embedded broker when"
        + " SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS is unset); stops gracefully on SIGTERM. The default command.")
public final class RunCommand implements Callable<Integer>, LogsToConsole {

    @Override
    public Integer call() throws Exception {
        Settings settings = Settings.fromEnvironment();
        if (SourceModules.all().stream().noneMatch(m -> settings.isSet(m.settingsPrefix() + m.enabledBy()))
                && settings.validate().isEmpty() && noStoredAccounts(settings)) {
            // a service that polls nothing would sit silently
            List<String> problems = new ArrayList<>();
            problems.add("no source is enabled and cluster '" + settings.string("sessionflow.cluster") + "' has no"
                    + " accounts: set a source's URL, e.g. SESSIONFLOW_WEBINAR_BASE_URL (README \"Running against real"
                    + " vendors\"), or add an account with 'sessionflow accounts add'; 'sessionflow demo' runs every"
                    + " source against simulators");
            throw new ConfigurationException(problems);
        }
        SessionflowApp.create(settings, Clock.systemUTC()).run();
        return ExitCode.OK;
    }

    /**
     * An instance with no source of its own still serves its cluster's stored accounts, if there are any. An embedded
     * broker that has no data yet holds none: it is not started just to find that out.
     */
    private static boolean noStoredAccounts(Settings settings) {
        if (settings.string("sessionflow.kafka.bootstrap-servers").isEmpty()
                && !java.nio.file.Files.isDirectory(java.nio.file.Path.of(
                        settings.string("sessionflow.kafka.embedded.data-dir")))) {
            return true;
        }
        try (KafkaConnection kafka = KafkaConnection.reading(settings)) {
            return AccountsTopic.read(kafka.client(), ClusterSettings.from(settings).accountsTopic()).isEmpty();
        }
    }
}
