package io.sessionflow.source.storyclm;

import io.sessionflow.source.PlainTimes;
import io.sessionflow.source.UnmappableRecordException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * StoryCLM times: {@code start}/{@code end} are the device's local time ({@code 2017-06-09T19:00:48}) and
 * {@code offset} its distance from UTC in hours (3 for Moscow; fractions like 5.5 allowed).
 */
final class StoryclmTimes {
    private static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter();

    private StoryclmTimes() {
    }

    static ZoneOffset offset(String hours) {
        if (hours == null) {
            throw new UnmappableRecordException("no 'offset', so its local times cannot be placed in UTC");
        }
        try {
            int seconds = new BigDecimal(hours.strip()).multiply(BigDecimal.valueOf(3600)).intValueExact();
            return ZoneOffset.ofTotalSeconds(seconds);
        } catch (ArithmeticException | NumberFormatException | java.time.DateTimeException e) {
            throw new UnmappableRecordException("'offset' " + hours + " is not an offset in hours");
        }
    }

    /** @return null when absent */
    static Instant utc(String local, ZoneOffset offset, String field) {
        if (local == null) {
            return null;
        }
        LocalDateTime plain = PlainTimes.local(local.strip());
        if (plain != null) {
            return plain.toInstant(offset);
        }
        try {
            return LocalDateTime.parse(local.strip(), LOCAL).toInstant(offset);
        } catch (DateTimeParseException e) {
            throw new UnmappableRecordException("'" + field + "' " + local + " is not a local date-time");
        }
    }
}
