package io.sessionflow.source.webinar;

import io.sessionflow.source.PlainTimes;
import io.sessionflow.source.UnmappableRecordException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * webinar.ru time formats as the document shows them: {@code 2016-03-24T12:00:00+0300} (offset without
 * colon), {@code +03:00}, {@code 2016-03-21 15:26} (local time of the event's zone), epoch seconds, and
 * {@code 0} for "not yet" (a live session's endsAt).
 */
public final class WebinarTimes {
    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss]")
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss]");

    private WebinarTimes() {
    }

    /** @return null for absent or 0 */
    public static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank() || text.equals("0")) {
            return null;
        }
        String t = text.strip();
        if (isEpochSeconds(t)) {
            return Instant.ofEpochSecond(Long.parseLong(t));
        }
        OffsetDateTime plain = PlainTimes.withOffset(t);
        if (plain != null) {
            return plain.toInstant();
        }
        try {
            return OffsetDateTime.parse(t, OFFSET).toInstant();
        } catch (DateTimeParseException offsetMissing) {
            try {
                return LocalDateTime.parse(t, LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new UnmappableRecordException("unreadable webinar.ru time '" + t + "'");
            }
        }
    }

    /**
     * 9 to 11 ASCII digits ({@code \\d{9,11}}), written out rather than matched by a regex: it runs for four or more
     * time fields of every session mapped.
     */
    private static boolean isEpochSeconds(String t) {
        if (t.length() < 9 || t.length() > 11) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
