package io.sessionflow.source;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A fast path for the one time shape vendors send nearly always, {@code 2016-03-11T12:02:00} with an optional
 * {@code +0300}, {@code +03:00} or {@code Z}: java.time formatters with optional sections copy their parse state
 * per section, for every time of every record. Anything else, including out-of-range fields, returns null, and the
 * caller's formatter decides.
 */
public final class PlainTimes {
    private static final int LOCAL_LENGTH = "yyyy-MM-ddTHH:mm:ss".length();
    private PlainTimes() {
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss} (or a space for the T), else null. */
    public static LocalDateTime local(String t) {
        return t.length() == LOCAL_LENGTH ? localPrefix(t) : null;
    }

    /** {@link #local} of the first 19 characters, read in place (no substring per time field). */
    private static LocalDateTime localPrefix(String t) {
        if (t.charAt(4) != '-' || t.charAt(7) != '-' || (t.charAt(10) != 'T'
                && t.charAt(10) != ' ') || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            return null; // e.g. 30 February: the formatter's resolver has its own rules for that
        }
    }

    /** {@link #local} followed by {@code Z}, {@code +HHMM} or {@code +HH:MM}, else null. */
    public static OffsetDateTime withOffset(String t) {
        if (t.length() <= LOCAL_LENGTH) {
            return null;
        }
        LocalDateTime local = localPrefix(t);
        ZoneOffset offset = local == null ? null : offset(t);
        return offset == null ? null : OffsetDateTime.of(local, offset);
    }

    /** The offset after the first 19 characters of {@code t}. */
    private static ZoneOffset offset(String t) {
        int o = LOCAL_LENGTH;
        int length = t.length() - o;
        if (length == 1 && t.charAt(o) == 'Z') {
            return ZoneOffset.UTC;
        }
        boolean colon = length == 6 && t.charAt(o + 3) == ':';
        if (!(length == 5 || colon) || (t.charAt(o) != '+' && t.charAt(o) != '-')) {
            return null;
        }
        int hours = digits(t, o + 1, o + 3);
        int minutes = colon ? digits(t, o + 4, o + 6) : digits(t, o + 3, o + 5);
        if (hours < 0 || minutes < 0) {
            return null;
        }
        int sign = t.charAt(o) == '-' ? -1 : 1;
        try {
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The decimal value of {@code t[from, to)}, or -1 when any of it is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
