package io.sessionflow.source.webinar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The direct reading of plain durations agrees with what the mapper did before (Duration.parse of a P...). */
class WebinarDurationsTest {

    @ParameterizedTest
    @ValueSource(strings = {"PT1H30M", "PT0S", "PT90M", "PT2H", "PT45S", "PT1H2M3S", "PT001H", "PT999999999H",
        "PT1H1H", "PT1M1H", "PT", "PTH", "PT1", "PT1.5S", "PT-1H", "P1DT2H", "P1D", "PT1h", "pt1H", "P", "PT1H "})
    void agreesWithDurationParse(String iso) {
        assertThat(WebinarDurations.planned(iso)).isEqualTo(asBefore(iso));
    }

    private static Duration asBefore(String iso) {
        if (!iso.startsWith("P")) {
            return null;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
