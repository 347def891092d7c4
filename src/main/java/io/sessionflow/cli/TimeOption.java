package io.sessionflow.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --from}/{@code --to}: an ISO-8601 instant ({@code 2026-11-20T09:00:00Z}) or a UTC day (its midnight). */
public final class TimeOption implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is neither 2026-11-20T09:00:00Z nor 2026-11-20");
        }
    }
}
