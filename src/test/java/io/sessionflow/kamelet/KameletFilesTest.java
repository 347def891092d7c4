package io.sessionflow.kamelet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sessionflow.Sessionflow;
import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceModules;
import io.sessionflow.testing.ShippedModules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The Kamelet files in {@code kamelets/} (packaged in the jar) are the source modules' declarations: one per polling
 * module, its properties exactly the module's settings, its timer at the module's poll setting. A setting added to a
 * module without regenerating its Kamelet fails here.
 */
class KameletFilesTest {
    private static final Path FOLDER = Path.of("kamelets");
    private static final String REGENERATE = "regenerate with: mvn -q -B package -DskipTests && java -jar"
            + " target/sessionflow.jar kamelets --out kamelets";

    /** The polling modules the jar ships, whose Kamelets it packages ({@link ShippedModules}). */
    static List<SourceModule> pollingModules() {
        return KameletFile.modules().stream().filter(ShippedModules.all()::contains).toList();
    }

    @Test
    void theFolderHoldsOneKameletPerPollingSourceAndNothingElse() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            assertThat(files.map(f -> f.getFileName().toString())).as(REGENERATE).containsExactlyInAnyOrderElementsOf(
                    pollingModules().stream().map(m -> KameletFile.fileName(m.system())).toList());
        }
        assertThat(SourceModules.all()).as("a push source (no poll setting) has no Kamelet")
                .filteredOn(m -> m.pollSetting().isEmpty()).noneMatch(pollingModules()::contains);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pollingModules")
    void theCommittedFileIsTheOneTheModuleDeclares(SourceModule module) throws IOException {
        assertThat(Files.readString(FOLDER.resolve(KameletFile.fileName(module.system())))).as(REGENERATE)
                .isEqualTo(KameletFile.yaml(module));
    }

    @Test
    void theKameletsCommandWritesTheseFiles(@TempDir Path out) throws IOException {
        assertThat(new CommandLine(new Sessionflow()).execute("kamelets", "--out", out.toString())).isZero();
        for (SourceModule module : pollingModules()) {
            String file = KameletFile.fileName(module.system());
            assertThat(out.resolve(file)).hasSameTextualContentAs(FOLDER.resolve(file));
        }
    }

    /** Read as data, as Camel reads it: the properties, what is required, what the bean and the timer are given. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pollingModules")
    void itsPropertiesAreTheModulesSettings(SourceModule module) throws IOException {
        JsonNode kamelet = new YAMLMapper().readTree(FOLDER.resolve(KameletFile.fileName(module.system())).toFile());
        List<String> settings = module.settings().stream().map(d -> KameletFile.property(d.key())).toList();
        List<String> expected = new ArrayList<>(settings);
        expected.addAll(List.of("account", "stateFile"));
        JsonNode definition = kamelet.path("spec").path("definition");
        assertThat(names(definition.path("properties"))).containsExactlyElementsOf(expected);
        assertThat(definition.path("required")).extracting(JsonNode::asText)
                .containsExactly(KameletFile.property(module.enabledBy()));
        for (SettingDef def : module.settings()) {
            JsonNode p = definition.path("properties").path(KameletFile.property(def.key()));
            assertThat(p.path("description").asText()).isEqualTo(def.description());
            assertThat(p.path("default").asText()).isEqualTo(def.defaultValue());
            assertThat(p.path("format").asText()).isEqualTo(def.type() == SettingType.SECRET ? "password" : "");
        }
        JsonNode template = kamelet.path("spec").path("template");
        JsonNode bean = template.path("beans").get(0).path("properties");
        assertThat(bean.path("system").asText()).isEqualTo(module.system().id());
        assertThat(names(bean).stream().filter(n -> n.startsWith("settings[")))
                .containsExactlyElementsOf(settings.stream().map(s -> "settings[" + s + "]").toList());
        assertThat(template.path("from").path("parameters").path("period").asText())
                .isEqualTo("{{" + KameletFile.property(module.pollSetting().orElseThrow()) + "}}");
    }

    /** The Kamelet's timer fires at the setting Sessionflow itself polls at. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pollingModules")
    void thePollSettingIsTheOneTheModulePollsAt(SourceModule module) {
        String poll = module.pollSetting().orElseThrow();
        assertThat(module.settings()).filteredOn(d -> d.key().equals(poll)).extracting(SettingDef::type)
                .containsExactly(SettingType.DURATION);
        AccountSettings settings = AccountSettings.of(SourceAccount.defaultOf(module.system()), module.settings(),
                Map.of(poll, "1234ms"), Settings.from(Map.of(), new Properties(), Map.of()));
        assertThat(module.pollInterval(settings)).isEqualTo(Duration.ofMillis(1234));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
