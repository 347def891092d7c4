package io.sessionflow.bench;

import io.sessionflow.source.FetchResult;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.webinar.WebinarPayload;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A webinar.ru whose sessions come and go: every day {@code perDay} sessions start and those of the day before
 * end, and its schedule lists those two days only, as a poll window does. Sessions before are never listed again.
 */
final class ChurningWebinarVendor implements SnapshotFetcher<WebinarPayload> {
    static final Instant DAY_ZERO = Instant.parse("2026-01-01T09:00:00Z");
    private static final DateTimeFormatter WEBINAR_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private final int perDay;
    private int day;

    ChurningWebinarVendor(int perDay) {
        this.perDay = perDay;
    }

    /** The next day: its sessions start, yesterday's end. @return the day's poll time */
    Instant nextDay() {
        day++;
        return start(day).plusSeconds(600);
    }

    @Override
    public FetchResult<WebinarPayload> fetch(Instant now, KnownSessions known) {
        List<SourceRecord<WebinarPayload>> records = new ArrayList<>(2 * perDay);
        for (int i = 0; i < perDay; i++) {
            if (day > 1) {
                records.add(SyntheticRecords.webinar((day - 1) * perDay + i, 0, "STOP",
                        WEBINAR_TIME.format(start(day - 1)), WEBINAR_TIME.format(start(day - 1).plusSeconds(3600))));
            }
            records.add(SyntheticRecords.webinar(day * perDay + i, 0, "START", WEBINAR_TIME.format(start(day)), "0"));
        }
        return new FetchResult<>(List.of(), records, Set.of(), List.of());
    }

    private static Instant start(int day) {
        return DAY_ZERO.plus(java.time.Duration.ofDays(day));
    }
}
