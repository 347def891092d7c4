package io.sessionflow.source.seeit;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SessionKind;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.BenchEconomy;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.HttpPollingModule;
import io.sessionflow.source.ModuleChecks;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceRoutes;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * GoToAssist Seeit remote support sessions: the paged session list over a creation-time window, open ones refreshed.
 */
public final class SeeitModule extends HttpPollingModule {
    public static final SystemId SYSTEM = SystemId.of("seeit");
    public static final SessionKind KIND = SessionKind.of("remote-support");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account(
                    "base-url",
                    SettingType.URL,
                    "",
                    "GoToAssist Seeit API base URL (the part before /sessions). Setting it enables the source."),
            SettingDef.account(
                    "token",
                    SettingType.SECRET,
                    "",
                    "GoToAssist Seeit access token, sent as the Authorization header (\"Bearer \" is added to a bare"
                            + " token)."),
            SettingDef.account(
                    "poll-interval", SettingType.DURATION, "30s", "Time between two polls of GoToAssist Seeit."),
            SettingDef.account(
                    "page-size",
                    SettingType.INT,
                    "50",
                    "Sessions per page of GET /sessions (1 to 1000); every page is read."),
            SettingDef.account(
                    "look-back",
                    SettingType.DURATION,
                    "24h",
                    "How far back each poll re-reads sessions by creation time; older open sessions are refreshed one"
                            + " by one."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "GoToAssist Seeit";
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
        return ModuleChecks.problems(() -> SeeitConfig.from(settings));
    }

    /** {@code GET /sessions} lists by creation time, {@code lookBack} back; a session closes after it was created. */
    @Override
    public Duration listedAfterClose(AccountSettings settings) {
        return SeeitConfig.from(settings).lookBack().plusDays(1);
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/seeit-rest-poll.yaml", "seeit-rest-poll");
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new SeeitDemo(idBase);
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.of(new SeeitBenchRecords());
    }

    @Override
    public Optional<BenchEconomy.Start> benchEconomy() {
        return Optional.of(SeeitBenchEconomy::new);
    }

    @Override
    protected String baseUrl(AccountSettings settings) {
        return settings.string("base-url");
    }

    @Override
    protected SnapshotPoller<SeeitPayload> poller(AccountSettings settings, VendorHttp http, SessionTracker tracker,
            Clock clock) {
        return new SnapshotPoller<>(settings.account(), new SeeitFetcher(SeeitConfig.from(settings), http),
                new SeeitMapper(), MissingPolicy.IGNORE, tracker, clock);
    }
}
