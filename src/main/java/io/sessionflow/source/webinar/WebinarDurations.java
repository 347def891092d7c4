package io.sessionflow.source.webinar;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * A session's planned {@code duration}, ISO-8601 such as {@code PT1H30M}; null when absent or unreadable.
 * {@code Duration.parse} runs a regex matcher per call, a visible share of mapping a record; the plain shape
 * webinar.ru sends ({@code PT} then whole hours, minutes, seconds in that order) is read directly, anything
 * else still goes to {@code Duration.parse}.
 */
final class WebinarDurations {
    /** Nine digits per part cannot overflow a long of seconds. */
    private static final int MAX_DIGITS = 9;
    private static final String UNITS = "HMS";
    private static final long[] SECONDS = {3600, 60, 1};

    private WebinarDurations() {
    }

    static Duration planned(String iso) {
        if (iso == null || !iso.startsWith("P")) {
            return null;
        }
        Duration plain = plain(iso);
        if (plain != null) {
            return plain;
        }
        try {
            return Duration.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code PT[nH][nM][nS]} with at least one part, else null. */
    private static Duration plain(String iso) {
        if (iso.length() < 4 || iso.charAt(1) != 'T') {
            return null;
        }
        long seconds = 0;
        int nextUnit = 0;
        int i = 2;
        while (i < iso.length()) {
            int start = i;
            long value = 0;
            while (i < iso.length() && iso.charAt(i) >= '0' && iso.charAt(i) <= '9') {
                value = value * 10 + (iso.charAt(i) - '0');
                i++;
            }
            if (i == start || i - start > MAX_DIGITS || i == iso.length()) {
                return null;
            }
            int unit = UNITS.indexOf(iso.charAt(i), nextUnit);
            if (unit < 0) {
                return null;
            }
            seconds += value * SECONDS[unit];
            nextUnit = unit + 1;
            i++;
        }
        return Duration.ofSeconds(seconds);
    }
}
