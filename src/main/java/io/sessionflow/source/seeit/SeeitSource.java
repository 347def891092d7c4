package io.sessionflow.source.seeit;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.MissingPolicy;
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

    @Override
    public SnapshotPoller<SeeitPayload> createBean(SourceContext context) {
        SeeitConfig config = SeeitConfig.from(context.settings());
        return new SnapshotPoller<>(SystemId.SEEIT, new SeeitFetcher(config, context.http("seeit", config.baseUrl())),
                new SeeitMapper(), MissingPolicy.IGNORE, context.tracker(), context.clock());
    }
}
