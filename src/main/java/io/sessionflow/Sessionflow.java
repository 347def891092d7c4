package io.sessionflow;

import io.sessionflow.app.ConfigurationException;
import io.sessionflow.app.SessionflowApp;
import io.sessionflow.bench.BenchCommand;
import io.sessionflow.config.Settings;
import io.sessionflow.config.SettingsCatalog;
import io.sessionflow.config.SettingsTable;
import io.sessionflow.demo.Demo;
import io.sessionflow.verify.VerifyCommand;
import io.sessionflow.rederive.RederiveCommand;
import io.sessionflow.replay.ReplayCommand;
import io.sessionflow.report.ReportCommand;
import java.time.Clock;
import java.util.Arrays;

/** Entry point: {@code run} (default), {@code demo}, {@code replay}, {@code report}, {@code rederive} or {@code bench}. */
public final class Sessionflow {

    private Sessionflow() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (command) {
                case "run" -> SessionflowApp.create(Settings.fromEnvironment(), Clock.systemUTC()).run();
                case "demo" -> Demo.main(rest);
                case "settings" -> System.out.print(SettingsTable.markdown(SettingsCatalog.load()));
                case "verify" -> System.exit(VerifyCommand.run(rest, Settings.fromEnvironment()));
                case "replay" -> ReplayCommand.main(rest);
                case "report" -> ReportCommand.main(rest);
                case "rederive" -> RederiveCommand.main(rest);
                case "health" -> System.exit(io.sessionflow.observe.HealthCommand.run(rest, Settings.fromEnvironment()));
                case "bench" -> BenchCommand.main(rest);
                case "accounts" -> System.exit(new io.sessionflow.cluster.AccountsCommand(Settings.fromEnvironment(),
                        System.out).run(rest));
                case "cluster" -> {
                    Settings settings = Settings.fromEnvironment();
                    try (io.sessionflow.app.KafkaConnection kafka = io.sessionflow.app.KafkaConnection.open(settings)) {
                        System.out.print(io.sessionflow.cluster.ClusterView.read(kafka.client(),
                                io.sessionflow.cluster.ClusterSettings.from(settings), kafka.topics().state()).text());
                    }
                }
                case "help", "--help", "-h" -> usage();
                default -> {
                    System.err.println("unknown command '" + command + "'");
                    usage();
                    System.exit(2);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(command + ": " + e.getMessage());
            System.exit(2);
        } catch (ConfigurationException e) {
            e.problems().forEach(p -> System.err.println("configuration: " + p));
            System.exit(2);
        }
    }

    private static void usage() {
        System.err.println("""
                usage: java -jar target/sessionflow.jar [command]
                  run    (default) poll the configured vendors, publish to Kafka (embedded broker when
                         SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS is unset)
                  demo   embedded Kafka + simulated vendors on loopback; prints one line per event
                         options: --duration <30s|5m>  stop after that long (default: until Ctrl-C)
                  settings  print every setting: environment variable, property, type, default
                  verify [--topic t] [--expected file.jsonl]
                         read the events topic (read_committed) and report events, distinct ids,
                         duplicate ids, per-session order violations, and gaps against an expected set
                  replay --from <time> --to <time> [--system s] [--session id] [--type t]
                         [--format jsonl|csv] [--out file | --to-topic topic]     (docs/replay.md)
                  report --from <time> --to <time> --out <dir>   HTML charts + CSV  (docs/report.md)
                  rederive --to-topic <topic>   current mappers over sessions.raw   (docs/replay.md)
                  health [live|ready]   ask a running instance's /observe/health; exit code 0 when healthy
                  accounts add <system> <account> KEY=VALUE...   an account of the cluster (secrets as
                         ${env:NAME} or ${file:/path} references); accounts remove <system> <account>; accounts list
                  cluster   the cluster's members, their shards, and each account's owner, last poll and failure
                  bench [--quick] [--bootstrap host:port] [--out BENCHMARKS.md|-]
                         throughput, latency and memory against the raw Kafka limit (README "Benchmark")""");
    }
}
