package io.sessionflow.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.app.ConfigurationException;
import io.sessionflow.app.SessionflowApp;
import io.sessionflow.source.SourceModule;
import io.sessionflow.testing.ShippedModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

    /** The README documents what the jar ships: the pipeline's settings and its modules' ({@link ShippedModules}). */
    @Test
    void readmeListsExactlyTheSettingsOfThePipelineAndOfTheModulesTheJarShips() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "<!-- settings:start -->\n";
        String table =
                readme.substring(readme.indexOf(start) + start.length(), readme.indexOf("<!-- settings:end -->"));
        List<SourceModule> shipped = ShippedModules.all();
        assertThat(shipped).as("modules the jar ships").isNotEmpty();
        assertThat(table).as("README settings table; regenerate with: java -jar target/sessionflow.jar settings")
                .isEqualTo(SettingsTable.markdown(SettingsCatalog.of(shipped)));
    }

    @Test
    void environmentOverridesDefaultsAndSystemPropertiesOverrideEnvironment() {
        Properties system = new Properties();
        system.setProperty("sessionflow.webinar.page-size", "100");
        Settings s = Settings.from(Map.of("SESSIONFLOW_WEBINAR_POLL_INTERVAL", "5m",
                "SESSIONFLOW_WEBINAR_PAGE_SIZE", "250"), system, Map.of());
        assertThat(s.duration("sessionflow.webinar.poll-interval")).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.integer("sessionflow.webinar.page-size")).isEqualTo(100);
        assertThat(s.duration("sessionflow.webinar.window-past")).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void everyProblemIsOneLineNamingTheVariableAndSecretsAreNotEchoed() {
        Settings s = Settings.from(Map.of(
                "SESSIONFLOW_WEBINAR_BASE_URL", "ftp://example.org",
                "SESSIONFLOW_WEBINAR_POLL_INTERVAL", "often",
                "SESSIONFLOW_KAFKA_PARTITIONS", "three"), new Properties(), Map.of());
        assertThat(s.validate()).containsExactly(
                "SESSIONFLOW_KAFKA_PARTITIONS 'three' is not a whole number",
                "SESSIONFLOW_WEBINAR_BASE_URL 'ftp://example.org' is not an http(s) URL with a host",
                "SESSIONFLOW_WEBINAR_POLL_INTERVAL 'often' is not a duration like 500ms, 30s, 5m, 2h, 7d or PT30S");
    }

    @Test
    void credentialsInAUrlAreRefusedWithoutShowingThemTwice() {
        Settings s = Settings.from(Map.of("SESSIONFLOW_WEBINAR_BASE_URL", "https://user:pw@example.org/v3"),
                new Properties(), Map.of());
        assertThat(s.validate()).hasSize(1).first().asString()
                .contains("must not carry credentials in the URL");
    }

    @Test
    void anEnabledSourcesOwnRulesStopStartupAsConfigurationLines() {
        Settings s = Settings.from(Map.of("SESSIONFLOW_SEEIT_BASE_URL", "http://127.0.0.1:1/seeit",
                "SESSIONFLOW_ISPRING_URL", "http://127.0.0.1:1/soap", "SESSIONFLOW_ISPRING_TOKEN", "t",
                "SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), new Properties(), Map.of());
        assertThatThrownBy(() -> SessionflowApp.create(s, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).problems())
                .isEqualTo(List.of(
                        "SESSIONFLOW_ISPRING_TRAINING_IDS is required when SESSIONFLOW_ISPRING_URL is set: the"
                                + " API lists sessions per training",
                        "SESSIONFLOW_SEEIT_TOKEN is required when SESSIONFLOW_SEEIT_BASE_URL is set"));
    }

    @Test
    void startupStopsBeforeTouchingKafkaWhenTheConfigurationIsWrong() {
        Settings s = Settings.from(Map.of("SESSIONFLOW_WEBINAR_BASE_URL", "http://127.0.0.1:1/v3",
                "SESSIONFLOW_WEBINAR_PAGE_SIZE", "42",
                "SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"), new Properties(), Map.of());
        assertThatThrownBy(() -> SessionflowApp.create(s, Clock.systemUTC()))
                .isInstanceOf(ConfigurationException.class)
                .extracting(e -> ((ConfigurationException) e).problems())
                .isEqualTo(List.of("SESSIONFLOW_WEBINAR_TOKEN is required when SESSIONFLOW_WEBINAR_BASE_URL is set",
                        "SESSIONFLOW_WEBINAR_PAGE_SIZE 42 must be one of [10, 50, 100, 250, 500]"));
    }
}
