package io.sessionflow.source.ispring;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.FetchResult;
import io.sessionflow.source.SnapshotFetcher;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** iSpring Learn over SOAP: each training's complete session list; a session gone from it was deleted. */
public final class IspringSource implements SourceModule {

    @Override
    public SystemId system() {
        return SystemId.ISPRING;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.isSet("sessionflow.ispring.url");
    }

    /** Reads the whole configuration, so a missing token or training list is reported at start. */
    @Override
    public Duration pollInterval(Settings settings) {
        return IspringConfig.from(settings).pollInterval();
    }

    @Override
    public SnapshotPoller<IspringPayload> createBean(SourceContext context) {
        if (!enabled(context.settings())) {
            // the route exists but never starts; it still needs a bean to name, one that asks no vendor
            return poller((now, known) -> new FetchResult<>(List.of(), List.of(), Set.of(), List.of()),
                    context.tracker(), context.clock());
        }
        IspringConfig config = IspringConfig.from(context.settings());
        IspringSoapClient client = new IspringSoapClient(
                IspringEndpoint.create(context.template().getCamelContext(), config.url(), config.timeout(),
                        config.maxBodyBytes(), context.vendorTls()),
                context.template(), config.token());
        return poller(config, client, context.faultGuard("ispring"), context.tracker(), context.clock());
    }

    /** The one wiring of fetcher, mapper and tracker, shared by the live run and re-derivation (same ids). */
    public static SnapshotPoller<IspringPayload> poller(IspringConfig config, IspringSessions sessions,
                                                        FaultGuard guard, SessionTracker tracker, Clock clock) {
        return poller(new IspringFetcher(config, sessions, guard), tracker, clock);
    }

    private static SnapshotPoller<IspringPayload> poller(SnapshotFetcher<IspringPayload> fetcher,
                                                         SessionTracker tracker, Clock clock) {
        return new SnapshotPoller<>(SystemId.ISPRING, fetcher, new IspringMapper(), MissingPolicy.DELETED, tracker,
                clock);
    }
}
