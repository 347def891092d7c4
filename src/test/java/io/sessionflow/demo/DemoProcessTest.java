package io.sessionflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.delivery.JavaProcess;
import io.sessionflow.delivery.JavaProcess.Finished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, findings 3, 8, 9 and 10, as a person meets them: {@code demo} run twice on the same kept data, then
 * {@code rederive} over what the demo archived, each in a JVM of its own with its embedded broker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoProcessTest {
    private static final Pattern EVENT = Pattern.compile("^\\d\\d:\\d\\d:\\d\\d  (\\S+)\\s+(\\S+)\\s+(\\S+)");
    private static final List<String> BANNER = List.of("Kafka: ", "log: ", "health and metrics: ", "events on topic ");
    @TempDir
    static Path dir;
    private static List<String> firstRun;

    private static Finished sessionflow(String... args) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SESSIONFLOW_KAFKA_EMBEDDED_DATA_DIR", dir.resolve("kafka").toString(),
                "SESSIONFLOW_KAFKA_EMBEDDED_PORT", "0",
                "SESSIONFLOW_OBSERVE_PORT", "0",
                "SESSIONFLOW_PRIVACY_IP_HASH_KEY_FILE", dir.resolve("ip-hash.key").toString(),
                "SESSIONFLOW_LOG_FILE", dir.resolve("sessionflow.log").toString()));
        return JavaProcess.sessionflow("demo-process-" + args[0], List.of(args), env, 180);
    }

    private static List<String> events(String output) {
        return output.lines().filter(l -> EVENT.matcher(l).find()).toList();
    }

    private static String session(String eventLine) {
        Matcher m = EVENT.matcher(eventLine);
        m.find();
        return m.group(1) + ":" + m.group(2);
    }

    private static String type(String eventLine) {
        Matcher m = EVENT.matcher(eventLine);
        m.find();
        return m.group(3);
    }

    @Test
    @Order(1)
    void theDemoShowsEventsOnlyAndItsClosingLineComesLast() {
        Finished demo = sessionflow("demo", "--duration", "20s");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        List<String> lines = demo.output().lines().toList();
        firstRun = events(demo.output());
        assertThat(firstRun).hasSizeGreaterThan(10);
        assertThat(firstRun.stream().map(l -> session(l).split(":")[0]).distinct())
                .as("every simulated vendor").contains("webinar", "seeit", "storyclm", "ispring", "tradernet");
        assertThat(lines).as("banner, events and the closing line; no log lines").allMatch(l ->
                EVENT.matcher(l).find() || l.contains(" simulator: ") || BANNER.stream().anyMatch(l::startsWith)
                        || l.startsWith("demo finished: "));
        assertThat(demo.output()).doesNotContain("committed").doesNotContain("WARN").doesNotContain("ERROR");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("demo finished: " + firstRun.size() + " events printed");
    }

    @Test
    @Order(2)
    void aSecondDemoOnKeptDataShowsNewSessionsNotChangesToTheOldOnes() {
        Finished demo = sessionflow("demo", "--duration", "20s");

        assertThat(demo.exitCode()).as(demo.output()).isZero();
        Set<String> old = firstRun.stream().map(DemoProcessTest::session).collect(Collectors.toSet());
        List<String> second = events(demo.output());
        for (String system : List.of("webinar", "seeit", "storyclm", "ispring", "tradernet")) {
            assertThat(second).as("%s sessions the first run never had", system)
                    .anyMatch(l -> session(l).startsWith(system + ":") && !old.contains(session(l)));
        }
        assertThat(second.stream().filter(l -> old.contains(session(l))))
                .as("the first run's sessions only close: what was left open ends or is gone")
                .allMatch(l -> type(l).equals("session.ended") || type(l).equals("session.deleted"));
    }

    @Test
    @Order(3)
    void rederiveReadsTheDemosArchiveAsTheDemoWroteIt() {
        Finished rederive = sessionflow("rederive", "--to-topic", "sessions.rederived");

        assertThat(rederive.exitCode()).as(rederive.output()).isZero();
        assertThat(rederive.output()).contains("rederive: reading the archive with the settings recorded in")
                .contains(" 0 polls failed").doesNotContain("WARN");
    }

    @Test
    @Order(4)
    void aRederivationWhosePollsFailExitsOneWithTheirCount() throws Exception {
        Path other = dir.resolve("other-settings.properties");
        Files.writeString(other, "sessionflow.seeit.page-size=7\n");

        Finished rederive = sessionflow("rederive", "--to-topic", "sessions.rederived.other", "--settings-from",
                other.toString());

        assertThat(rederive.exitCode()).as(rederive.output()).isEqualTo(1);
        assertThat(rederive.output()).containsPattern("rederive: [1-9]\\d* polls could not be re-derived")
                .doesNotContain("reading the archive with the settings recorded");
    }
}
