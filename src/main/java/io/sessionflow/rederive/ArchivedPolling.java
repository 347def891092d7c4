package io.sessionflow.rederive;

import io.sessionflow.event.SystemId;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.function.Function;

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
    private final Function<HttpCall, String> endpointOf;
    private final PollerFactory pollers;

    /** A source whose raw endpoint header is the request line ({@code GET /sessions?page=0}). */
    ArchivedPolling(SystemId system, PollerFactory pollers) {
        this(system, HttpCall::describe, pollers);
    }

    /** @param endpointOf how the source names a call in the raw endpoint header, when not by its request line */
    ArchivedPolling(SystemId system, Function<HttpCall, String> endpointOf, PollerFactory pollers) {
        this.system = system;
        this.endpointOf = endpointOf;
        this.pollers = pollers;
    }

    @Override
    public SystemId system() {
        return system;
    }

    @Override
    public PollBatch replay(RawPoll poll, SessionTracker tracker) {
        return pollers.create(new ArchivedHttp(poll, endpointOf), tracker, Clock.fixed(poll.fetchedAt(), ZoneOffset.UTC)).poll();
    }
}
