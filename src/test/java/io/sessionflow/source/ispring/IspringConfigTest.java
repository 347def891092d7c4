package io.sessionflow.source.ispring;

import io.sessionflow.config.AccountSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.config.Settings;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class IspringConfigTest {

    private static AccountSettings account(Map<String, String> values) {
        return new IspringModule().defaultAccount(Settings.from(Map.of(), new Properties(), values));
    }

    @Test
    void readsTheTrainingListAndKeepsTheTokenOutOfToString() {
        IspringConfig config = IspringConfig.from(account(Map.of(
                "sessionflow.ispring.url",
                "https://x.ispringlearn.ru/soap",
                "sessionflow.ispring.token",
                "s3cret",
                "sessionflow.ispring.training-ids",
                " a, b ,,c ",
                "sessionflow.ispring.poll-interval",
                "90s")));

        assertThat(config.trainingIds()).containsExactly("a", "b", "c");
        assertThat(config.toString()).doesNotContain("s3cret");
    }

    @Test
    void anEnabledSourceWithoutTrainingsOrTokenIsRefusedNamingTheVariable() {
        assertThat(new IspringModule().problems(account(Map.of(
                "sessionflow.ispring.url", "https://x.ispringlearn.ru/soap", "sessionflow.ispring.token", "t"))))
                .singleElement().asString().startsWith("SESSIONFLOW_ISPRING_TRAINING_IDS is required");
        assertThat(new IspringModule().problems(account(Map.of(
                "sessionflow.ispring.url", "https://x.ispringlearn.ru/soap", "sessionflow.ispring.training-ids", "a"))))
                .singleElement().asString().startsWith("SESSIONFLOW_ISPRING_TOKEN is required");
    }
}
