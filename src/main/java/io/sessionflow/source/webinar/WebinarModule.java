package io.sessionflow.source.webinar;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SessionKind;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.BenchEconomy;
import io.sessionflow.source.BenchListing;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.BenchSimulator;
import io.sessionflow.source.HttpPollingModule;
import io.sessionflow.source.ModuleChecks;
import io.sessionflow.source.PeerPages;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceRoutes;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** webinar.ru user API v3: an organization's event sessions, their participants and visitor connections. */
public final class WebinarModule extends HttpPollingModule {
    public static final SystemId SYSTEM = SystemId.of("webinar");
    public static final SessionKind KIND = SessionKind.of("webinar");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account(
                    "base-url",
                    SettingType.URL,
                    "",
                    "webinar.ru user API v3 base URL, e.g. https://userapi.webinar.ru/v3. Setting it enables the"
                            + " source."),
            SettingDef.account("token", SettingType.SECRET, "", "webinar.ru x-auth-token (one per organization)."),
            SettingDef.account("poll-interval", SettingType.DURATION, "30s", "Time between two polls of webinar.ru."),
            SettingDef.account(
                    "window-past",
                    SettingType.DURATION,
                    "7d",
                    "How far back the schedule window reaches (the \"from\" of /organization/events/schedule)."),
            SettingDef.account(
                    "window-ahead",
                    SettingType.DURATION,
                    "30d",
                    "How far ahead the schedule window reaches (the \"to\" of /organization/events/schedule)."),
            SettingDef.account(
                    "page-size",
                    SettingType.INT,
                    "50",
                    "Page size of schedule requests; the API accepts 10, 50, 100, 250 or 500."),
            SettingDef.account(
                    "statuses",
                    SettingType.LIST,
                    "ACTIVE,START,STOP",
                    "Event statuses asked for in the schedule (ACTIVE, START, STOP)."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "webinar.ru user API v3";
    }

    @Override
    public List<SettingDef> settings() {
        return SETTINGS;
    }

    @Override
    public String enabledBy() {
        return "base-url";
    }

    @Override
    public List<String> problems(AccountSettings settings) {
        List<String> problems = new java.util.ArrayList<>();
        if (!settings.isSet("token")) {
            problems.add(settings.name("token") + " is required when " + settings.name("base-url") + " is set");
        }
        problems.addAll(ModuleChecks.problems(() -> WebinarConfig.from(settings)));
        return problems;
    }

    /**
     * The schedule lists a session while its date is inside the window, which reaches {@code windowPast} back and
     * {@code windowAhead} forward in whole UTC days: a session deleted long before its date stays listed.
     */
    @Override
    public Duration listedAfterClose(AccountSettings settings) {
        WebinarConfig config = WebinarConfig.from(settings);
        return config.windowPast().plus(config.windowAhead()).plusDays(1);
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/webinar-rest-poll.yaml", "webinar-rest-poll");
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new WebinarDemo(idBase);
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.of(new WebinarBenchRecords());
    }

    @Override
    public Optional<BenchSimulator.Start> benchSimulator() {
        return Optional.of(WebinarBenchSimulator::new);
    }

    @Override
    public Optional<BenchListing.Start> benchListing() {
        return Optional.of(WebinarBenchListing::new);
    }

    @Override
    public Optional<PeerPages> peerPages() {
        return Optional.of(new WebinarPeerPages());
    }

    @Override
    public Optional<BenchEconomy.Start> benchEconomy() {
        return Optional.of(WebinarBenchEconomy::new);
    }

    @Override
    protected String baseUrl(AccountSettings settings) {
        return settings.string("base-url");
    }

    @Override
    protected SnapshotPoller<WebinarPayload> poller(AccountSettings settings, VendorHttp http, SessionTracker tracker,
            Clock clock) {
        WebinarFetcher fetcher = new WebinarFetcher(settings.account(), WebinarConfig.from(settings), http,
                tracker.inputs(SYSTEM));
        return new SnapshotPoller<>(settings.account(), fetcher, new WebinarMapper(), MissingPolicy.IGNORE, tracker,
                clock);
    }
}
