package io.sessionflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.report.ReportFigures.LiveCount;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Issue 18, finding 11: the "concurrent live" chart's time axis follows the data, not an open requested range. */
class StepChartTest {

    @Test
    void theTimeAxisSpansTheDataWhenTheRangeIsOpen() {
        Instant nine = Instant.parse("2026-11-20T09:00:00Z");
        Instant ten = Instant.parse("2026-11-20T10:00:00Z");
        String svg = StepChart.svg("live", List.of(new LiveCount(nine, 1), new LiveCount(ten, 0)),
                Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"));

        List<String> xs = Pattern.compile("<circle class=\"point\"[^>]* cx=\"([0-9.]+)\"").matcher(svg).results()
                .map(m -> m.group(1)).toList();
        assertThat(xs).as("first change at the left edge, last at the right").containsExactly("40.0", "710.0");
        assertThat(svg).contains(">" + nine + "</text>").contains(">" + ten + "</text>").doesNotContain("1970");
    }
}
