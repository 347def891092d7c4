package io.sessionflow.source;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.rederive.ArchivedPolling;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * A module whose source polls its vendor over HTTP (camel-http under the account's fault policy). The live source and
 * re-derivation are one wiring, {@link #poller}: over HTTP to the account's base URL live, over the archived answers
 * in re-derivation, so both give the same events and ids.
 */
public abstract class HttpPollingModule implements SourceModule {

    /** The one wiring of fetcher, mapper and tracker for one account. */
    protected abstract SnapshotPoller<?> poller(AccountSettings settings, VendorHttp http, SessionTracker tracker,
                                                Clock clock);

    /** What the account's HTTP calls are relative to. */
    protected abstract String baseUrl(AccountSettings settings);

    /** How the raw topic names a call (its endpoint header): by default its request line. */
    protected Function<HttpCall, String> endpointOf() {
        return HttpCall::describe;
    }

    @Override
    public SnapshotPoller<?> createSource(AccountContext context) {
        AccountSettings settings = context.settings();
        return poller(settings, context.http(baseUrl(settings)), context.tracker(), context.clock());
    }

    @Override
    public Optional<RederivableSource> rederivation(AccountSettings settings) {
        return Optional.of(new ArchivedPolling(endpointOf(),
                (http, tracker, clock) -> poller(settings, http, tracker, clock)));
    }
}
