package io.sessionflow.source.tradernet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesPerFailureUpToTheCeilingWithHalfOfItRandom() {
        Backoff lowest = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.0);
        assertThat(lowest.next()).isEqualTo(Duration.ofMillis(250));
        assertThat(lowest.next()).isEqualTo(Duration.ofMillis(500));
        assertThat(lowest.next()).isEqualTo(Duration.ofMillis(1000));
        assertThat(lowest.next()).isEqualTo(Duration.ofMillis(2000));
        assertThat(lowest.next()).as("capped").isEqualTo(Duration.ofMillis(2000));

        Backoff highest = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(4), () -> 0.999);
        for (int i = 0; i < 40; i++) {
            assertThat(highest.next()).isLessThanOrEqualTo(Duration.ofSeconds(4));
        }
    }

    @Test
    void aDeliveringFeedStartsOverFromTheInitialDelay() {
        Backoff b = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), () -> 0.0);
        b.next();
        b.next();
        b.next();
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(250));
    }
}
