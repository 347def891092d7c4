package io.sessionflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.Sessionflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Issue 18, finding 11: the README's Commands table documents every command and exactly the options its
 * {@code --help} shows (both come from the same picocli declarations on one side, the README on the other).
 */
class ReadmeCommandsTest {
    private static final Set<String> EVERYWHERE = Set.of("--help", "-h", "--verbose");

    @Test
    void theCommandsTableMatchesTheHelpOfEveryCommand() throws Exception {
        Map<String, String> rows = commandRows(Files.readString(Path.of("README.md")));
        CommandLine cli = new CommandLine(new Sessionflow());

        assertThat(rows.keySet()).as("every command has a row, and no row names a command that does not exist")
                .containsExactlyInAnyOrderElementsOf(cli.getSubcommands().keySet());
        Pattern optionInText = Pattern.compile("--[a-z][a-z-]*");
        cli.getSubcommands().forEach((name, command) -> {
            Set<String> inHelp = command.getCommandSpec().options().stream().map(OptionSpec::longestName)
                    .filter(o -> !EVERYWHERE.contains(o)).collect(Collectors.toSet());
            Set<String> inReadme = optionInText.matcher(rows.get(name).split("(?<!\\\\)\\|")[2]).results()
                    .map(m -> m.group()).collect(Collectors.toSet());
            assertThat(inReadme).as("options of '%s' in the README's options column", name)
                    .containsExactlyInAnyOrderElementsOf(inHelp);
            command.getCommandSpec().positionalParameters().forEach(p ->
                    List.of(p.paramLabel().split("\\|")).forEach(value ->
                            assertThat(rows.get(name)).as("'%s' parameter values", name).contains("`" + value + "`")));
        });
    }

    @Test
    void theExitCodesAreTheOnesTheCommandsUse() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme)
                .contains("| " + ExitCode.OK + " | done")
                .contains("| " + ExitCode.CHECK_FAILED + " | a check failed")
                .contains("| " + ExitCode.USAGE + " | usage or configuration");
        String help = new CommandLine(new Sessionflow()).getUsageMessage().replaceAll("\\s+", " ");
        assertThat(help).contains("Exit codes: 0 ok, 1 a check failed").contains("2 usage or configuration");
    }

    /** Rows of the table under "## Commands", by command name. */
    private static Map<String, String> commandRows(String readme) {
        String section = readme.substring(readme.indexOf("## Commands"), readme.indexOf("## Settings"));
        Map<String, String> rows = new LinkedHashMap<>();
        section.lines().filter(l -> l.startsWith("| `")).forEach(l ->
                rows.put(l.substring(3, l.indexOf('`', 3)).split(" ")[0], l));
        return rows;
    }
}
