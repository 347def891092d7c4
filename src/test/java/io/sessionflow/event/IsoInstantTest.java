package io.sessionflow.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written ISO-8601 text is Instant.toString() for every instant, inside and outside its fast range. */
class IsoInstantTest {

    @Test
    void equalsInstantToStringAcrossErasAndPrecisions() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-100_000_000_000L, 300_000_000_000L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant t = Instant.ofEpochSecond(second, nano);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
    }

    @Test
    void edgesOfTheFastRangeAndLeapDays() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999999999Z",
            "9999-12-31T23:59:59.999999999Z", "+10000-01-01T00:00:00Z", "2000-02-29T23:59:59Z",
            "2100-03-01T00:00:00Z", "2024-12-31T23:59:59.001Z", "2026-11-22T09:02:00.120Z"}) {
            Instant t = Instant.parse(text);
            assertThat(IsoInstant.format(t)).isEqualTo(t.toString());
        }
        assertThat(IsoInstant.format(Instant.MIN)).isEqualTo(Instant.MIN.toString());
        assertThat(IsoInstant.format(Instant.MAX)).isEqualTo(Instant.MAX.toString());
    }
}
