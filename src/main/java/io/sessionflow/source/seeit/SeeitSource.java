package io.sessionflow.source.seeit;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;

public final class SeeitSource implements SourceModule {

    @Override
    public SystemId system() {
        return SystemId.SEEIT;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.isSet("sessionflow.seeit.base-url");
    }

    @Override
    public Duration pollInterval(Settings settings) {
        // a missing token or a bad page size stops startup instead of failing every poll
        settings.required("sessionflow.seeit.token", "when SESSIONFLOW_SEEIT_BASE_URL is set");
        SeeitConfig.from(settings);
        return settings.duration("sessionflow.seeit.poll-interval");
    }

    /** {@code GET /sessions} lists by creation time, {@code lookBack} back; a session closes after it was created. */
    @Override
    public Duration listedAfterClose(Settings settings) {
        return SeeitConfig.from(settings).lookBack().plusDays(1);
    }

    @Override
    public SnapshotPoller<SeeitPayload> createBean(SourceContext context) {
        SeeitConfig config = SeeitConfig.from(context.settings());
        return poller(config, context.http("seeit", config.baseUrl()), context.tracker(), context.clock());
    }

    /** The one wiring of fetcher, mapper and tracker, shared by the live run and re-derivation (same ids). */
    public static SnapshotPoller<SeeitPayload> poller(SeeitConfig config, VendorHttp http, SessionTracker tracker,
                                                      Clock clock) {
        return new SnapshotPoller<>(SystemId.SEEIT, new SeeitFetcher(config, http), new SeeitMapper(),
                MissingPolicy.IGNORE, tracker, clock);
    }
}
