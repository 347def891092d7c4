package io.sessionflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.config.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What `acls` prints is what the README lists and what the secured compose profile grants (SecuredKafkaTest applies
 * it).
 */
class AclsCommandTest {

    @Test
    void theReadmeListsEveryRolesAcls() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- acls:start -->\n";
        assertThat(readme.substring(readme.indexOf(start) + start.length(), readme.indexOf("<!-- acls:end -->")))
                .isEqualTo(AclsCommand.markdown());
    }

    @Test
    void theSecuredComposeProfileGrantsWhatAclsPrintsForAPipelineAndAnAnalyst() throws Exception {
        List<String> script = Files.readAllLines(Path.of("deploy/secured/setup.sh"));
        Settings compose = Settings.from(Map.of("SESSIONFLOW_INSTANCE_ID", "compose"), new Properties(), Map.of());
        List<String> printed = Stream.concat(print(compose, "pipeline"), print(compose, "analyst")).toList();
        assertThat(script.subList(script.size() - printed.size(), script.size())).isEqualTo(printed);
    }

    private static Stream<String> print(Settings settings, String role) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AclsCommand.run(new String[] {"--role", role, "--principal", "User:sessionflow"}, settings,
                new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines();
    }
}
