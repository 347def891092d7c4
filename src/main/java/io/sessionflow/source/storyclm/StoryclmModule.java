package io.sessionflow.source.storyclm;

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
import io.sessionflow.source.http.HttpCall;
import io.sessionflow.source.http.VendorHttp;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** StoryCLM presentation sessions through its JSON command envelope: getsessions lists a user's sessions completely. */
public final class StoryclmModule extends HttpPollingModule {
    public static final SystemId SYSTEM = SystemId.of("storyclm");
    public static final SessionKind KIND = SessionKind.of("presentation");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account(
                    "url",
                    SettingType.URL,
                    "",
                    "StoryCLM command bridge URL: getsessions/getsessionbyid are POSTed there as JSON. Setting it"
                            + " enables the source."),
            SettingDef.account(
                    "token",
                    SettingType.SECRET,
                    "",
                    "StoryCLM access token, sent as Authorization: Bearer; empty sends no Authorization header."),
            SettingDef.account("poll-interval", SettingType.DURATION, "30s", "Time between two polls of StoryCLM."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "StoryCLM";
    }

    @Override
    public List<SettingDef> settings() {
        return SETTINGS;
    }

    @Override
    public String enabledBy() {
        return "url";
    }

    @Override
    public List<String> problems(AccountSettings settings) {
        return ModuleChecks.problems(() -> StoryclmConfig.from(settings));
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/storyclm-command-poll.yaml", "storyclm-command-poll");
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new StoryclmDemo(idBase);
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.of(new StoryclmBenchRecords());
    }

    @Override
    protected String baseUrl(AccountSettings settings) {
        return settings.string("url");
    }

    @Override
    protected SnapshotPoller<StoryclmPayload> poller(AccountSettings settings, VendorHttp http, SessionTracker tracker,
            Clock clock) {
        // getsessions lists the user's sessions completely: one that leaves it was deleted
        return new SnapshotPoller<>(settings.account(), new StoryclmFetcher(StoryclmConfig.from(settings), http),
                new StoryclmMapper(), MissingPolicy.DELETED, tracker, clock);
    }

    @Override
    protected Function<HttpCall, String> endpointOf() {
        return StoryclmFetcher::endpointOf;
    }
}
