package io.sessionflow.source.webinar;

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

    /**
     * The schedule lists a session while its date is inside the window, which reaches {@code windowPast} back and
     * {@code windowAhead} forward in whole UTC days: a session deleted long before its date stays listed.
     */
    @Override
    public Duration listedAfterClose(Settings settings) {
        WebinarConfig config = WebinarConfig.from(settings);
        return config.windowPast().plus(config.windowAhead()).plusDays(1);
    }

    @Override
    public SnapshotPoller<WebinarPayload> createBean(SourceContext context) {
        WebinarConfig config = WebinarConfig.from(context.settings());
        return poller(config, context.http("webinar", config.baseUrl()), context.tracker(), context.clock());
    }

    /** The one wiring of fetcher, mapper and tracker, shared by the live run and re-derivation (same ids). */
    public static SnapshotPoller<WebinarPayload> poller(WebinarConfig config, VendorHttp http, SessionTracker tracker,
                                                        Clock clock) {
        return new SnapshotPoller<>(SystemId.WEBINAR, new WebinarFetcher(config, http), new WebinarMapper(),
                MissingPolicy.IGNORE, tracker, clock);
    }
}
