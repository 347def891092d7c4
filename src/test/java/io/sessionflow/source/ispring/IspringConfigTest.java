package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IspringConfigTest {

    private static Settings settings(Map<String, String> values) {
        return Settings.from(Map.of(), new Properties(), values);
    }

    @Test
    void readsTheTrainingListAndKeepsTheTokenOutOfToString() {
        IspringConfig config = IspringConfig.from(settings(Map.of("sessionflow.ispring.url", "https://x.ispringlearn.ru/soap",
                "sessionflow.ispring.token", "s3cret", "sessionflow.ispring.training-ids", " a, b ,,c ",
                "sessionflow.ispring.poll-interval", "90s")));

        assertThat(config.trainingIds()).containsExactly("a", "b", "c");
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void anEnabledSourceWithoutTrainingsOrTokenIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> new IspringSource().pollInterval(settings(Map.of(
                "sessionflow.ispring.url", "https://x.ispringlearn.ru/soap", "sessionflow.ispring.token", "t"))))
                .hasMessageStartingWith("SESSIONFLOW_ISPRING_TRAINING_IDS is required");
        assertThatThrownBy(() -> new IspringSource().pollInterval(settings(Map.of(
                "sessionflow.ispring.url", "https://x.ispringlearn.ru/soap", "sessionflow.ispring.training-ids", "a"))))
                .hasMessageStartingWith("SESSIONFLOW_ISPRING_TOKEN is required");
    }
}
