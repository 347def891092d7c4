package io.sessionflow.rederive;

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
public final class ArchivedPolling implements RederivableSource {

    /** The source's own poller wiring ({@code WebinarModule.poller}), given the offline transport and clock. */
    public interface PollerFactory {
        SnapshotPoller<?> create(VendorHttp http, SessionTracker tracker, Clock clock);
    }

    private final Function<HttpCall, String> endpointOf;
    private final PollerFactory pollers;

    /** A source whose raw endpoint header is the request line ({@code GET /sessions?page=0}). */
    public ArchivedPolling(PollerFactory pollers) {
        this(HttpCall::describe, pollers);
    }

    /** @param endpointOf how the source names a call in the raw endpoint header, when not by its request line */
    public ArchivedPolling(Function<HttpCall, String> endpointOf, PollerFactory pollers) {
        this.endpointOf = endpointOf;
        this.pollers = pollers;
    }

    @Override
    public PollBatch replay(RawPoll poll, SessionTracker tracker) {
        return pollers.create(
                        new ArchivedHttp(poll, endpointOf), tracker, Clock.fixed(poll.fetchedAt(), ZoneOffset.UTC))
                .poll();
    }
}
