package io.sessionflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/** The fast path agrees with java.time where it answers, and leaves every other shape to the formatter. */
class PlainTimesTest {

    @Test
    void theCommonShapesParseAsJavaTimeDoes() {
        assertThat(PlainTimes.withOffset("2016-03-11T12:02:00+0300"))
                .isEqualTo(OffsetDateTime.parse("2016-03-11T12:02:00+03:00"));
        assertThat(PlainTimes.withOffset("2023-03-31T15:30:00-07:00"))
                .isEqualTo(OffsetDateTime.parse("2023-03-31T15:30:00-07:00"));
        assertThat(PlainTimes.withOffset("2016-03-11 12:02:00Z"))
                .isEqualTo(OffsetDateTime.parse("2016-03-11T12:02:00Z"));
        assertThat(PlainTimes.local("2017-06-13T10:07:02"))
                .isEqualTo(LocalDateTime.parse("2017-06-13T10:07:02", DateTimeFormatter.ISO_LOCAL_DATE_TIME));
    }

    @Test
    void anyOtherShapeIsLeftToTheFormatter() {
        assertThat(PlainTimes.local("2016-03-21 15:26")).isNull();
        assertThat(PlainTimes.local("2017-06-13T10:07:02.5")).isNull();
        assertThat(PlainTimes.local("2016-02-30T10:00:00")).isNull();
        assertThat(PlainTimes.local("2016-0x-10T10:00:00")).isNull();
        assertThat(PlainTimes.withOffset("2016-03-11T12:02:00")).isNull();
        assertThat(PlainTimes.withOffset("2016-03-11T12:02:00+03")).isNull();
        assertThat(PlainTimes.withOffset("2016-03-11T12:02:00+2500")).isNull();
        assertThat(PlainTimes.withOffset("1458025200")).isNull();
    }
}
