package io.sessionflow.source.webinar;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.MissingPolicy;
import java.time.Duration;

public final class WebinarSource implements SourceModule {

    @Override
    public SystemId system() {
        return SystemId.WEBINAR;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.isSet("sessionflow.webinar.base-url");
    }

    @Override
    public Duration pollInterval(Settings settings) {
        return settings.duration("sessionflow.webinar.poll-interval");
    }

    @Override
    public SnapshotPoller<WebinarPayload> createBean(SourceContext context) {
        WebinarConfig config = WebinarConfig.from(context.settings());
        return new SnapshotPoller<>(SystemId.WEBINAR,
                new WebinarFetcher(config, context.http("webinar", config.baseUrl())),
                new WebinarMapper(), MissingPolicy.IGNORE, context.tracker(), context.clock());
    }
}
