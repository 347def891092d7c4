package io.sessionflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.delivery.JavaProcess.Finished;
import io.sessionflow.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, findings 4-7 and 11: the command line as a person meets it, each case in a JVM of its own (exit code
 * and everything printed). None of these needs a broker: each is answered before anything starts.
 */
class CommandLineTest {
    @TempDir
    static Path dir;

    private static Finished sessionflow(Map<String, String> env, String... args) {
        return started(env, List.of(args)).get();
    }

    private static Finished sessionflow(String... args) {
        return sessionflow(Map.of(), args);
    }

    /** Command lines run side by side (each mostly waits: for its JVM to start, or for Kafka), in the given order. */
    private static List<Finished> each(Map<String, String> env, List<List<String>> commandLines) {
        List<Supplier<Finished>> running = commandLines.stream().map(args -> started(env, args)).toList();
        return running.stream().map(Supplier::get).toList();
    }

    private static Supplier<Finished> started(Map<String, String> env, List<String> args) {
        Map<String, String> all = new HashMap<>(Map.of(
                "SESSIONFLOW_LOG_FILE", dir.resolve("sessionflow.log").toString(),
                "SESSIONFLOW_KAFKA_EMBEDDED_DATA_DIR", dir.resolve("kafka").toString()));
        all.putAll(env);
        JavaProcess process = JavaProcess.start("cli-" + (args.isEmpty() ? "run" : args.get(0)) + "-"
                + java.util.UUID.randomUUID().toString().substring(0, 6), "io.sessionflow.Sessionflow", args, all);
        return () -> new Finished(process.waitFor(60), process.output());
    }

    /** One line saying what is wrong (and, for a usage error, where the help is); no stack trace, nothing started. */
    private static void refusedInOneLine(Finished run, int exitCode, String says) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
        assertThat(run.output()).contains(says).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("WARN").doesNotContain("Kafka:").doesNotContain("embedded Kafka broker");
        assertThat(run.output().lines().filter(l -> !l.startsWith("see '"))).as(run.output()).hasSize(1);
        assertThat(dir.resolve("kafka")).as("no broker was started").doesNotExist();
    }

    /** Usage errors, exit code 2, each with what its one line says. */
    private static void refusedInOneLineEach(List<Map.Entry<List<String>, String>> cases) {
        List<Finished> runs = each(Map.of(), cases.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < cases.size(); i++) {
            refusedInOneLine(runs.get(i), 2, cases.get(i).getValue());
        }
    }

    @Test
    void everyCommandAnswersHelpWithItsOptionsAndStartsNothing() {
        List<String> commands = List.of("run", "demo", "settings", "verify", "replay", "report", "rederive", "health",
                "bench");
        List<Finished> helps = each(Map.of(), commands.stream().map(c -> List.of(c, "--help")).toList());
        for (int i = 0; i < commands.size(); i++) {
            Finished help = helps.get(i);
            assertThat(help.exitCode()).as(help.output()).isZero();
            assertThat(help.output()).startsWith("Usage: sessionflow " + commands.get(i)).contains("--help")
                    .doesNotContain("Kafka:").doesNotContain("unknown option");
        }
        assertThat(helps.get(1).output()).contains("--duration");
        assertThat(helps.get(4).output()).contains("--to-topic", "--append", "--system", "--type");
        assertThat(dir.resolve("kafka")).doesNotExist();
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefusedBeforeAnythingStarts() {
        refusedInOneLineEach(List.of(
                Map.entry(List.of("demo", "--bogus"), "sessionflow demo: Unknown option: '--bogus'"),
                Map.entry(List.of("demo", "--duration"), "Missing required parameter for option '--duration'"),
                Map.entry(List.of("demo", "--duration", "soon"), "'soon' is not a duration"),
                Map.entry(List.of("replay", "--from"), "Missing required parameter for option '--from'"),
                Map.entry(List.of("replay", "--from", "yesterday"), "'yesterday' is neither"),
                Map.entry(List.of("report"), "Missing required option: '--out=<dir>'"),
                Map.entry(List.of("rederive"), "Missing required option: '--to-topic=<topic>'"),
                Map.entry(List.of("health", "dead"), "Invalid value for positional parameter"),
                Map.entry(List.of("nonsense"), "unknown command 'nonsense'")));
    }

    @Test
    void aJavaPropertyAfterTheJarIsExplainedNotTakenForACommand() {
        refusedInOneLine(sessionflow("-Dsessionflow.topics.events=x", "verify"), 2,
                "'-Dsessionflow.topics.events=x' comes after -jar");
    }

    @Test
    void badPathsFiltersAndTopicsAreOneLineEach() {
        refusedInOneLineEach(List.of(
                Map.entry(List.of("replay", "--out", "/nonexistent/dir/x"),
                        "replay: --out /nonexistent/dir/x: folder /nonexistent/dir does not exist"),
                Map.entry(List.of("verify", "--expected", "/missing.jsonl"),
                        "verify: --expected /missing.jsonl is not a readable file"),
                Map.entry(List.of("replay", "--to-topic", "bad topic!"),
                        "replay: --to-topic 'bad topic!' is not a valid topic name"),
                Map.entry(List.of("replay", "--to-topic", "sessions.events"),
                        "replay: --to-topic sessions.events is one of the pipeline's own topics"),
                Map.entry(List.of("rederive", "--to-topic", "sessions.raw"),
                        "rederive: --to-topic sessions.raw is one of the pipeline's own topics"),
                Map.entry(List.of("replay", "--system", "webinr"), "replay: unknown system 'webinr'; known: "),
                Map.entry(List.of("replay", "--type", "session.begun"), "replay: unknown event type 'session.begun'"),
                Map.entry(List.of("report", "--out", "/nonexistent/dir/r"), "folder /nonexistent/dir does not exist")));
    }

    @Test
    void healthWithNothingRunningSaysSo() {
        int port = EmbeddedKafka.freePort();
        Finished health = sessionflow(Map.of("SESSIONFLOW_OBSERVE_PORT", String.valueOf(port)), "health");
        assertThat(health.exitCode()).isEqualTo(1);
        assertThat(health.output().strip()).isEqualTo("health: nothing answers at 127.0.0.1:" + port
                + " (is sessionflow running there? SESSIONFLOW_OBSERVE_HOST/PORT)");
    }

    @Test
    void anUnreachableKafkaIsOneLineAfterTheBoundedWait() {
        String nowhere = "127.0.0.1:" + EmbeddedKafka.freePort();
        Map<String, String> env = Map.of("SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", nowhere,
                "SESSIONFLOW_KAFKA_CONNECT_TIMEOUT", "2s", "SESSIONFLOW_STORYCLM_URL", "http://127.0.0.1:9/bridge");
        List<List<String>> commands = List.of(List.of("run"), List.of("verify"), List.of("replay"),
                List.of("report", "--out", dir.resolve("report").toString()),
                List.of("rederive", "--to-topic", "again"));
        long started = System.nanoTime();
        List<Finished> runs = each(env, commands);
        assertThat((System.nanoTime() - started) / 1_000_000_000).as("bounded waits, not Kafka's 30 s").isLessThan(30);
        for (int i = 0; i < commands.size(); i++) {
            refusedInOneLine(runs.get(i), 2,
                    commands.get(i).get(0) + ": cannot reach Kafka at " + nowhere + " within 2 s");
        }
    }

    @Test
    void configurationProblemsComeAllAtOnceAndRunRefusesToPollNothing() {
        Finished nothing = sessionflow("run");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.output()).contains("configuration: no source is enabled");

        Finished tradernet = sessionflow(Map.of("SESSIONFLOW_TRADERNET_API_URL", "http://127.0.0.1:9/api",
                "SESSIONFLOW_WEBINAR_BASE_URL", "http://127.0.0.1:9/v3", "SESSIONFLOW_WEBINAR_TOKEN", "t",
                "SESSIONFLOW_WEBINAR_STATUSES", "FOO"), "run");
        assertThat(tradernet.exitCode()).isEqualTo(2);
        assertThat(tradernet.output().lines().toList()).containsExactlyInAnyOrder(
                "configuration: SESSIONFLOW_WEBINAR_STATUSES 'FOO' must be one or more of ACTIVE,START,STOP",
                "configuration: SESSIONFLOW_TRADERNET_WS_URL is required when SESSIONFLOW_TRADERNET_API_URL is set",
                "configuration: SESSIONFLOW_TRADERNET_LOGIN is required when SESSIONFLOW_TRADERNET_API_URL is set",
                "configuration: SESSIONFLOW_TRADERNET_PASSWORD is required when SESSIONFLOW_TRADERNET_API_URL is set");
        assertThat(dir.resolve("kafka")).doesNotExist();
    }

    @Test
    void camelLogLevelIsASetting() {
        Finished settings = sessionflow("settings");
        assertThat(settings.exitCode()).isZero();
        assertThat(settings.output()).contains("| `SESSIONFLOW_CAMEL_LOG_LEVEL` | `sessionflow.camel.log-level` |")
                .contains("| `SESSIONFLOW_KAFKA_CONNECT_TIMEOUT` |").contains("| `SESSIONFLOW_LOG_FILE` |");
    }
}
