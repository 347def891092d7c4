package io.sessionflow.rederive;

import io.sessionflow.event.SystemId;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Re-derivation of a polling HTTP source: its live {@link SnapshotPoller}, with the clock fixed at the poll's
 * fetched-at and {@link ArchivedHttp} answering from the archive instead of the vendor.
 */
final class ArchivedPolling implements RederivableSource {

    /** The source's own poller wiring ({@code WebinarSource.poller}), given the offline transport and clock. */
    interface PollerFactory {
        SnapshotPoller<?> create(VendorHttp http, SessionTracker tracker, Clock clock);
    }

    private final SystemId system;
    private final PollerFactory pollers;

    ArchivedPolling(SystemId system, PollerFactory pollers) {
        this.system = system;
        this.pollers = pollers;
    }

    @Override
    public SystemId system() {
        return system;
    }

    @Override
    public PollBatch replay(RawPoll poll, SessionTracker tracker) {
        return pollers.create(new ArchivedHttp(poll), tracker, Clock.fixed(poll.fetchedAt(), ZoneOffset.UTC)).poll();
    }
}
