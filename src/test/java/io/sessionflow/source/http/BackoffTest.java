package io.sessionflow.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final RandomGenerator LOWEST = () -> 0L;
    private static final RandomGenerator HIGHEST = () -> -1L;

    @Test
    void doublesPerFailedAttemptUpToTheCeilingWithHalfOfItRandom() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4));

        assertThat(backoff.delay(0, LOWEST)).isEqualTo(Duration.ofMillis(250));
        assertThat(backoff.delay(1, LOWEST)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delay(2, LOWEST)).isEqualTo(Duration.ofMillis(1000));
        assertThat(backoff.delay(3, LOWEST)).isEqualTo(Duration.ofMillis(2000));
        assertThat(backoff.delay(4, LOWEST)).as("capped").isEqualTo(Duration.ofMillis(2000));
        for (int attempt = 0; attempt < 40; attempt++) {
            assertThat(backoff.delay(attempt, HIGHEST)).isLessThanOrEqualTo(Duration.ofSeconds(4))
                    .isGreaterThanOrEqualTo(backoff.delay(attempt, LOWEST));
        }
    }
}
