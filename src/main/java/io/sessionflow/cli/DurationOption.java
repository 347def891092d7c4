package io.sessionflow.cli;

import io.sessionflow.config.SettingType;
import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A duration option written like a duration setting: 500ms, 30s, 5m, 2h, 7d or PT30S. */
public final class DurationOption implements ITypeConverter<Duration> {

    @Override
    public Duration convert(String value) {
        Duration d = SettingType.parseDurationText(value);
        if (d == null || d.isNegative() || d.isZero()) {
            throw new TypeConversionException("'" + value + "' is not a duration like 500ms, 30s, 5m, 2h or PT30S");
        }
        return d;
    }
}
