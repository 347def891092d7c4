package io.sessionflow.source.deskchat;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SessionKind;
import io.sessionflow.event.SystemId;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.HttpPollingModule;
import io.sessionflow.source.ModuleChecks;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceRoutes;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Deskchat help-desk chats: every page of the chats opened in the last day, polled. */
public final class DeskchatModule extends HttpPollingModule {
    public static final SystemId SYSTEM = SystemId.of("deskchat");
    public static final SessionKind KIND = SessionKind.of("chat");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account("base-url", SettingType.URL, "",
                    "Deskchat API base URL (the part before /chats). Setting it enables the source."),
            SettingDef.account("api-key", SettingType.SECRET, "", "Deskchat API key, sent as X-Api-Key."),
            SettingDef.account("poll-interval", SettingType.DURATION, "30s", "Time between two polls of Deskchat."),
            SettingDef.account("page-size", SettingType.INT, "20", "Chats per page of GET /chats (1 to 100)."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "Deskchat";
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
        return ModuleChecks.problems(() -> DeskchatConfig.from(settings));
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/deskchat-rest-poll.yaml", "deskchat-rest-poll");
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new DeskchatDemo(idBase);
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.of(new DeskchatBenchRecords());
    }

    @Override
    protected String baseUrl(AccountSettings settings) {
        return settings.string("base-url");
    }

    @Override
    protected SnapshotPoller<DeskchatPayload> poller(AccountSettings settings, VendorHttp http, SessionTracker tracker,
            Clock clock) {
        return new SnapshotPoller<>(settings.account(), new DeskchatFetcher(DeskchatConfig.from(settings), http),
                new DeskchatMapper(), MissingPolicy.IGNORE, tracker, clock);
    }
}
