package io.sessionflow.source.webinar;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.track.MissingPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
    public List<String> problems(Settings settings) {
        List<String> problems = new ArrayList<>();
        if (!settings.isSet("sessionflow.webinar.token")) {
            problems.add("SESSIONFLOW_WEBINAR_TOKEN is required when SESSIONFLOW_WEBINAR_BASE_URL is set");
        }
        try {
            WebinarConfig.from(settings);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }

    @Override
    public SnapshotPoller<WebinarPayload> createBean(SourceContext context) {
        WebinarConfig config = WebinarConfig.from(context.settings());
        return new SnapshotPoller<>(SystemId.WEBINAR,
                new WebinarFetcher(config, context.http("webinar", config.baseUrl())),
                new WebinarMapper(), MissingPolicy.IGNORE, context.tracker(), context.clock());
    }
}
