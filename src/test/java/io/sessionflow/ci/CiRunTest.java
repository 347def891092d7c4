package io.sessionflow.ci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.PollBatch;
import io.sessionflow.testing.Ci;
import io.sessionflow.testing.MapperFixtures;
import io.sessionflow.track.Transitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * CI cannot pass with a test that did not run: {@code .ci/run} fails when chromium cannot be installed and tells
 * the tests they run in CI, where a missing requirement fails instead of skipping and no expected file is written.
 */
class CiRunTest {
    @TempDir
    Path bin;

    /** .ci/run with no chromium, an apt-get that fails and a stub mvn that records what it was given. */
    @Test
    void ciRunFailsWhenChromiumCannotBeInstalledAndRunsNoTestsThen() throws Exception {
        Path mvnSaw = bin.resolve("mvn-saw");
        script("apt-get", "exit 100");
        script("mvn", "echo \"$SESSIONFLOW_CI $*\" > " + mvnSaw);
        script("dirname", "exec /usr/bin/dirname \"$@\"");

        Result r = run();

        assertThat(r.exit).as(r.output).isNotZero();
        assertThat(r.output).contains("chromium could not be installed", "ReportPageInBrowserTest");
        assertThat(mvnSaw).as("no test run that would pass without the browser test").doesNotExist();
    }

    /** The same for promtool, which checks the alert rules. */
    @Test
    void ciRunFailsWhenPromtoolCannotBeInstalledAndRunsNoTestsThen() throws Exception {
        Path mvnSaw = bin.resolve("mvn-saw");
        script("chromium", "exit 0");
        script("apt-get", "exit 100");
        script("mvn", "echo \"$SESSIONFLOW_CI $*\" > " + mvnSaw);
        script("dirname", "exec /usr/bin/dirname \"$@\"");

        Result r = run();

        assertThat(r.exit).as(r.output).isNotZero();
        assertThat(r.output).contains("promtool could not be installed", "DashboardAndAlertsTest");
        assertThat(mvnSaw).as("no test run that would pass without the rules check").doesNotExist();
    }

    @Test
    void ciRunTellsTheTestsTheyRunInCi() throws Exception {
        Path mvnSaw = bin.resolve("mvn-saw");
        script("chromium", "exit 0");
        script("promtool", "exit 0");
        script("mvn", "echo \"$SESSIONFLOW_CI $*\" > " + mvnSaw);
        script("dirname", "exec /usr/bin/dirname \"$@\"");

        Result r = run();

        assertThat(r.exit).as(r.output).isZero();
        assertThat(Files.readString(mvnSaw).strip()).isEqualTo("true -B -ntp test");
    }

    @Test
    void inCiAMissingRequirementFailsWhereADeveloperIsToldWhyItSkipped() {
        assertThatThrownBy(() -> Ci.require(false, "/usr/bin/chromium is absent", false))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("/usr/bin/chromium is absent");
        assertThatThrownBy(() -> Ci.require(false, "/usr/bin/chromium is absent", true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/usr/bin/chromium is absent");
    }

    @Test
    void aCaseWithoutItsExpectedFileFailsAndNothingIsWritten() {
        MapperFixtures fixtures = MapperFixtures.of(SystemId.of("nosuchsystem"), (tracker, clock) -> text -> null);
        PollBatch nothing = new PollBatch(SourceAccount.defaultOf(SystemId.of("nosuchsystem")), List.of(),
                Transitions.none(), List.of());

        assertThatThrownBy(() -> fixtures.check("no-such-case", nothing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no test resource fixtures/nosuchsystem/no-such-case.expected.json");
        assertThat(Path.of("src/test/resources/fixtures/nosuchsystem")).doesNotExist();
    }

    private static void withCi(Runnable check) {
        String before = System.setProperty("sessionflow.ci", "true");
        try {
            check.run();
        } finally {
            restore("sessionflow.ci", before);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    }

    private record Result(int exit, String output) {
    }

    private Result run() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/bash", Path.of(".ci/run").toAbsolutePath().toString())
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin.toString());
        pb.environment().remove(Ci.VARIABLE);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), output);
    }
}
