package io.sessionflow.bench;

import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.track.KnownSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A vendor whose sessions come and go: every day {@code perDay} sessions start and those of the day before end,
 * and its list holds those two days only, as a poll window does. Sessions before are never listed again.
 */
final class ChurningVendor<R> implements SnapshotFetcher<R> {
    static final Instant DAY_ZERO = Instant.parse("2026-01-01T09:00:00Z");
    private final BenchRecords<R> records;
    private final int perDay;
    private int day;

    ChurningVendor(BenchRecords<R> records, int perDay) {
        this.records = records;
        this.perDay = perDay;
    }

    /** The next day: its sessions start, yesterday's end. @return the day's poll time */
    Instant nextDay() {
        day++;
        return start(day).plusSeconds(600);
    }

    @Override
    public FetchResult<R> fetch(Instant now, KnownSessions known) {
        List<SourceRecord<R>> listed = new ArrayList<>(2 * perDay);
        for (int i = 0; i < perDay; i++) {
            if (day > 1) {
                listed.add(lived((day - 1) * perDay + i, start(day - 1), start(day - 1).plusSeconds(3600)));
            }
            listed.add(lived(day * perDay + i, start(day), null));
        }
        return new FetchResult<>(List.of(), listed, Set.of(), List.of());
    }

    private SourceRecord<R> lived(int n, Instant start, Instant end) {
        return records.lived(n, start, end).orElseThrow(() ->
                new IllegalStateException("the module offers no records of sessions that start and end"));
    }

    private static Instant start(int day) {
        return DAY_ZERO.plus(Duration.ofDays(day));
    }
}
