package io.sessionflow;

import io.sessionflow.app.AclsCommand;
import io.sessionflow.app.RunCommand;
import io.sessionflow.bench.BenchCommand;
import io.sessionflow.cli.Cli;
import io.sessionflow.cli.LogsToConsole;
import io.sessionflow.cluster.AccountsCommand;
import io.sessionflow.cluster.ClusterCommand;
import io.sessionflow.config.SettingsCommand;
import io.sessionflow.demo.DemoCommand;
import io.sessionflow.export.ExportCommand;
import io.sessionflow.kamelet.KameletsCommand;
import io.sessionflow.observe.HealthCommand;
import io.sessionflow.rederive.RederiveCommand;
import io.sessionflow.replay.ReplayCommand;
import io.sessionflow.report.ReportCommand;
import io.sessionflow.verify.VerifyCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Entry point. A command is one class (picocli's {@code @Command}) and one line in {@code subcommands}; with no
 * command, {@code run}. Exit codes: 0 ok, 1 a check failed, 2 usage or configuration
 * ({@link io.sessionflow.cli.ExitCode}).
 */
@Command(name = "sessionflow", sortOptions = false,
        description = "Vendor session APIs in, one replayable stream of CloudEvents on Kafka out."
                + " With no command: run.",
        footer = {"", "Exit codes: 0 ok, 1 a check failed (verify, health, rederive, bench), 2 usage or configuration"
                + " (unknown option, missing value, bad path, filter or setting, Kafka unreachable, missing topic).",
                "Settings: environment variables or -Dproperty=value before -jar; see 'sessionflow settings'."},
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            SettingsCommand.class,
            VerifyCommand.class,
            ReplayCommand.class,
            ReportCommand.class,
            RederiveCommand.class,
            HealthCommand.class,
            ExportCommand.class,
            AccountsCommand.class,
            ClusterCommand.class,
            AclsCommand.class,
            KameletsCommand.class,
            BenchCommand.class,
        })
public final class Sessionflow implements Callable<Integer>, LogsToConsole {
    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "show this help")
    boolean help;
    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "the log on stderr too (commands for people otherwise write it to SESSIONFLOW_LOG_FILE)")
    boolean verbose;

    public static void main(String[] args) {
        System.exit(Cli.execute(new Sessionflow(), args));
    }

    @Override
    public Integer call() throws Exception {
        return new RunCommand().call();
    }
}
