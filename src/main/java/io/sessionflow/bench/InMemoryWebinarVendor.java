package io.sessionflow.bench;

import io.sessionflow.source.FetchResult;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SourceRecord;
import io.sessionflow.source.webinar.WebinarPayload;
import io.sessionflow.track.KnownSessions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A webinar.ru with {@code n} live sessions held as parsed records, so a poll costs what the pipeline costs
 * (map, diff, serialize, publish) and not HTTP. Each {@link #change} renames the next slice of sessions,
 * which the tracker must turn into one {@code session.updated} each.
 */
final class InMemoryWebinarVendor implements SnapshotFetcher<WebinarPayload> {
    @SuppressWarnings("unchecked")
    private static final io.sessionflow.source.BenchRecords<WebinarPayload> RECORDS =
            (io.sessionflow.source.BenchRecords<WebinarPayload>) new io.sessionflow.source.webinar.WebinarModule().benchRecords().orElseThrow();
    private final List<SourceRecord<WebinarPayload>> records = new ArrayList<>();
    private int revision;
    private int nextToChange;

    InMemoryWebinarVendor(int sessions) {
        for (int i = 0; i < sessions; i++) {
            records.add(RECORDS.record(i, 0));
        }
    }

    /** Renames {@code count} sessions, the ones after those changed last time, wrapping around. */
    void change(int count) {
        revision++;
        for (int i = 0; i < count; i++) {
            int n = (nextToChange + i) % records.size();
            records.set(n, RECORDS.record(n, revision));
        }
        nextToChange = (nextToChange + count) % records.size();
    }

    int size() {
        return records.size();
    }

    @Override
    public FetchResult<WebinarPayload> fetch(Instant now, KnownSessions known) {
        return new FetchResult<>(List.of(), records, Set.of(), List.of());
    }
}
