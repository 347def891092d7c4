package io.sessionflow.source.storyclm;

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

public final class StoryclmSource implements SourceModule {

    @Override
    public SystemId system() {
        return SystemId.STORYCLM;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.isSet("sessionflow.storyclm.url");
    }

    @Override
    public Duration pollInterval(Settings settings) {
        return settings.duration("sessionflow.storyclm.poll-interval");
    }

    /** getsessions lists the user's sessions completely: one that leaves it was deleted. */
    @Override
    public SnapshotPoller<StoryclmPayload> createBean(SourceContext context) {
        StoryclmConfig config = StoryclmConfig.from(context.settings());
        return poller(config, context.http("storyclm", config.url()), context.tracker(), context.clock());
    }

    /** The one wiring of fetcher, mapper and tracker, shared by the live run and re-derivation (same ids). */
    public static SnapshotPoller<StoryclmPayload> poller(StoryclmConfig config, VendorHttp http,
                                                         SessionTracker tracker, Clock clock) {
        return new SnapshotPoller<>(SystemId.STORYCLM, new StoryclmFetcher(config, http), new StoryclmMapper(),
                MissingPolicy.DELETED, tracker, clock);
    }
}
