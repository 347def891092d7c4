package io.sessionflow.source.tradernet;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.source.Json;
import io.sessionflow.source.UnmappableRecordException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Tradernet's times as its document shows them: {@code start_datetime} and {@code expire_datetime} without a zone
 * ({@code 2016-06-14T13:14:13.187}, said to be UTC), and {@code expire}, the milliseconds from the list's receipt to
 * the session's expiry. The countdown needs no zone, so a list shows which zone the vendor's clock writes in: the
 * difference between {@code expire_datetime} read as UTC and receipt + {@code expire}, to the quarter hour. Where no
 * zone has that offset (beyond 14 hours, or not near a quarter hour: a countdown that does not match), the document's
 * UTC stands. A time written with an offset or {@code Z} is read as written.
 */
final class TradernetTimes {
    private static final long QUARTER_HOUR = 900;
    /** Network delay and clock skew between the vendor's countdown and our receipt time. */
    private static final long TOLERANCE_SECONDS = 120;

    private TradernetTimes() {
    }

    /**
     * The offset of the vendor's zone-less times in this list, from its first running countdown; {@code known}
     * (what earlier lists showed) when no session of it counts down any more.
     */
    static ZoneOffset offsetOf(JsonNode sessions, Instant receivedAt, ZoneOffset known) {
        for (JsonNode s : Json.elements(sessions)) {
            JsonNode countdown = s.get("expire");
            LocalDateTime expire = local(Json.text(s, "expire_datetime"));
            if (expire != null && countdown != null && countdown.canConvertToLong() && countdown.asLong() > 0) {
                long seconds = Duration.between(
                                receivedAt.plusMillis(countdown.asLong()), expire.toInstant(ZoneOffset.UTC))
                        .toSeconds();
                long quarters = Math.round(seconds / (double) QUARTER_HOUR);
                boolean aZone = Math.abs(quarters) <= 14 * 4
                        && Math.abs(seconds - quarters * QUARTER_HOUR) <= TOLERANCE_SECONDS;
                return aZone ? ZoneOffset.ofTotalSeconds((int) (quarters * QUARTER_HOUR)) : ZoneOffset.UTC;
            }
        }
        return known;
    }

    /** @param offset the vendor's offset for times written without one */
    static Instant time(JsonNode s, String field, String id, ZoneOffset offset) {
        String v = Json.text(s, field);
        if (v == null) {
            return null;
        }
        LocalDateTime local = local(v);
        if (local != null) {
            return local.toInstant(offset);
        }
        try {
            return OffsetDateTime.parse(v.replace(' ', 'T')).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnmappableRecordException("Tradernet security session " + id + " field '" + field
                    + "': unreadable time '" + v + "'");
        }
    }

    private static LocalDateTime local(String v) {
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
