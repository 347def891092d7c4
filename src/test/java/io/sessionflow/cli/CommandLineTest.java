package io.sessionflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.delivery.JavaProcess.Finished;
import io.sessionflow.kafka.EmbeddedKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, String> all = new HashMap<>(Map.of("SESSIONFLOW_LOG_FILE", dir.resolve("sessionflow.log").toString(),
                "SESSIONFLOW_KAFKA_EMBEDDED_DATA_DIR", dir.resolve("kafka").toString()));
        all.putAll(env);
        return JavaProcess.sessionflow("cli-" + (args.length == 0 ? "run" : args[0]), List.of(args), all, 60);
    }

    private static Finished sessionflow(String... args) {
        return sessionflow(Map.of(), args);
    }

    /** One line saying what is wrong (and, for a usage error, where the help is); no stack trace, nothing started. */
    private static void refusedInOneLine(Finished run, int exitCode, String says) {
        assertThat(run.exitCode()).as(run.output()).isEqualTo(exitCode);
        assertThat(run.output()).contains(says).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("WARN").doesNotContain("Kafka:").doesNotContain("embedded Kafka broker");
        assertThat(run.output().lines().filter(l -> !l.startsWith("see '"))).as(run.output()).hasSize(1);
        assertThat(dir.resolve("kafka")).as("no broker was started").doesNotExist();
    }

    @Test
    void everyCommandAnswersHelpWithItsOptionsAndStartsNothing() {
        for (String command : List.of("run", "demo", "settings", "verify", "replay", "report", "rederive", "health",
                "bench")) {
            Finished help = sessionflow(command, "--help");
            assertThat(help.exitCode()).as(help.output()).isZero();
            assertThat(help.output()).startsWith("Usage: sessionflow " + command).contains("--help")
                    .doesNotContain("Kafka:").doesNotContain("unknown option");
        }
        assertThat(sessionflow("demo", "--help").output()).contains("--duration");
        assertThat(sessionflow("replay", "--help").output()).contains("--to-topic", "--append", "--system", "--type");
        assertThat(dir.resolve("kafka")).doesNotExist();
    }

    @Test
    void unknownOptionsAndMissingValuesAreRefusedBeforeAnythingStarts() {
        refusedInOneLine(sessionflow("demo", "--bogus"), 2, "sessionflow demo: Unknown option: '--bogus'");
        refusedInOneLine(sessionflow("demo", "--duration"), 2, "Missing required parameter for option '--duration'");
        refusedInOneLine(sessionflow("demo", "--duration", "soon"), 2, "'soon' is not a duration");
        refusedInOneLine(sessionflow("replay", "--from"), 2, "Missing required parameter for option '--from'");
        refusedInOneLine(sessionflow("replay", "--from", "yesterday"), 2, "'yesterday' is neither");
        refusedInOneLine(sessionflow("report"), 2, "Missing required option: '--out=<dir>'");
        refusedInOneLine(sessionflow("rederive"), 2, "Missing required option: '--to-topic=<topic>'");
        refusedInOneLine(sessionflow("health", "dead"), 2, "Invalid value for positional parameter");
        refusedInOneLine(sessionflow("nonsense"), 2, "unknown command 'nonsense'");
    }

    @Test
    void aJavaPropertyAfterTheJarIsExplainedNotTakenForACommand() {
        refusedInOneLine(sessionflow("-Dsessionflow.topics.events=x", "verify"), 2,
                "'-Dsessionflow.topics.events=x' comes after -jar");
    }

    @Test
    void badPathsFiltersAndTopicsAreOneLineEach() {
        refusedInOneLine(sessionflow("replay", "--out", "/nonexistent/dir/x"), 2,
                "replay: --out /nonexistent/dir/x: folder /nonexistent/dir does not exist");
        refusedInOneLine(sessionflow("verify", "--expected", "/missing.jsonl"), 2,
                "verify: --expected /missing.jsonl is not a readable file");
        refusedInOneLine(sessionflow("replay", "--to-topic", "bad topic!"), 2,
                "replay: --to-topic 'bad topic!' is not a valid topic name");
        refusedInOneLine(sessionflow("replay", "--to-topic", "sessions.events"), 2,
                "replay: --to-topic sessions.events is one of the pipeline's own topics");
        refusedInOneLine(sessionflow("rederive", "--to-topic", "sessions.raw"), 2,
                "rederive: --to-topic sessions.raw is one of the pipeline's own topics");
        refusedInOneLine(sessionflow("replay", "--system", "webinr"), 2, "replay: unknown system 'webinr'; known: ");
        refusedInOneLine(sessionflow("replay", "--type", "session.begun"), 2, "replay: unknown event type 'session.begun'");
        refusedInOneLine(sessionflow("report", "--out", "/nonexistent/dir/r"), 2, "folder /nonexistent/dir does not exist");
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
        for (List<String> command : List.of(List.of("run"), List.of("verify"), List.of("replay"),
                List.of("report", "--out", dir.resolve("report").toString()), List.of("rederive", "--to-topic", "again"))) {
            long started = System.nanoTime();
            Finished run = sessionflow(env, command.toArray(String[]::new));
            refusedInOneLine(run, 2, command.get(0) + ": cannot reach Kafka at " + nowhere + " within 2 s");
            assertThat((System.nanoTime() - started) / 1_000_000_000).as("bounded wait, not Kafka's 30 s").isLessThan(20);
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
