package io.sessionflow.event;

import java.time.Instant;

/**
 * {@link Instant#toString()} (ISO-8601 UTC, {@code DateTimeFormatter.ISO_INSTANT}) without the formatter
 * machinery: every event carries several times, and formatting them was a visible share of serialization.
 * Years 1970 to 9999 are written here; anything else falls back to {@link Instant#toString()}.
 */
final class IsoInstant {
    /** 9999-12-31T23:59:59Z: beyond it ISO_INSTANT writes a sign and more year digits. */
    private static final long MAX_FAST_SECOND = 253_402_300_799L;
    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {
    }

    /** @return the text of {@code instant}, exactly as {@link Instant#toString()} gives it */
    static String format(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < 0 || seconds > MAX_FAST_SECOND) {
            return instant.toString();
        }
        char[] out = new char[30];
        int length = write(out, seconds, instant.getNano());
        return new String(out, 0, length);
    }

    private static int write(char[] out, long epochSecond, int nano) {
        long days = epochSecond / SECONDS_PER_DAY;
        int secondOfDay = (int) (epochSecond % SECONDS_PER_DAY);
        // civil date from days since 1970-01-01 (H. Hinnant's algorithm, eras of 400 years from 0000-03-01)
        long z = days + 719_468;
        long era = z / 146_097;
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        int i = digits(out, 0, year, 4);
        out[i++] = '-';
        i = digits(out, i, month, 2);
        out[i++] = '-';
        i = digits(out, i, day, 2);
        out[i++] = 'T';
        i = digits(out, i, secondOfDay / 3600, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay / 60 % 60, 2);
        out[i++] = ':';
        i = digits(out, i, secondOfDay % 60, 2);
        i = fraction(out, i, nano);
        out[i++] = 'Z';
        return i;
    }

    /** ISO_INSTANT writes the fraction in groups of three digits, as many as the value needs. */
    private static int fraction(char[] out, int i, int nano) {
        if (nano == 0) {
            return i;
        }
        out[i++] = '.';
        if (nano % 1_000_000 == 0) {
            return digits(out, i, nano / 1_000_000, 3);
        }
        if (nano % 1_000 == 0) {
            return digits(out, i, nano / 1_000, 6);
        }
        return digits(out, i, nano, 9);
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int k = at + width - 1; k >= at; k--) {
            out[k] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
