package io.sessionflow.source;

import io.sessionflow.track.KnownSessions;
import java.time.Instant;

/** Asks one vendor for the current state of its sessions. */
public interface SnapshotFetcher<R> {

    /** @param known what has been published, so a fetcher can refresh sessions still open */
    FetchResult<R> fetch(Instant now, KnownSessions known);
}
