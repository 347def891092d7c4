package io.sessionflow.source.storyclm;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.MissingPolicy;
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
        return new SnapshotPoller<>(SystemId.STORYCLM,
                new StoryclmFetcher(config, context.http("storyclm", config.url())),
                new StoryclmMapper(), MissingPolicy.DELETED, context.tracker(), context.clock());
    }
}
