package io.sessionflow.source.ispring;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SessionKind;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.ModuleChecks;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceRoutes;
import io.sessionflow.source.http.FaultGuard;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** iSpring Learn over SOAP: each training's complete session list; a session gone from it was deleted. */
public final class IspringModule implements SourceModule {
    public static final SystemId SYSTEM = SystemId.of("ispring");
    public static final SessionKind KIND = SessionKind.of("training");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account(
                    "url",
                    SettingType.URL,
                    "",
                    "iSpring Learn SOAP endpoint, e.g. https://<account>.ispringlearn.ru/go/services/api/soap. Setting"
                            + " it enables the source."),
            SettingDef.account(
                    "token",
                    SettingType.SECRET,
                    "",
                    "iSpring Learn API token, sent in credentials/token of every request."),
            SettingDef.account(
                    "training-ids",
                    SettingType.LIST,
                    "",
                    "Trainings whose sessions are listed (ListSessionsByTraining), comma-separated ids."),
            SettingDef.account(
                    "poll-interval",
                    SettingType.DURATION,
                    "60s",
                    "Time between two polls of iSpring Learn (every training is listed in each poll)."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "iSpring Learn";
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
        return ModuleChecks.problems(() -> IspringConfig.from(settings));
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/ispring-soap-poll.yaml", "ispring-soap-poll");
    }

    @Override
    public SnapshotPoller<IspringPayload> createSource(AccountContext context) {
        IspringConfig config = IspringConfig.from(context.settings());
        IspringSoapClient client = new IspringSoapClient(
                IspringEndpoint.create(context.template().getCamelContext(), config.url(), config.timeout(),
                        config.maxBodyBytes(), context.vendorTls()),
                context.template(), config.token());
        return poller(context.account(), config, client, context.faultGuard(), context.tracker(), context.clock());
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new IspringDemo(idBase);
    }

    @Override
    public Optional<RederivableSource> rederivation(AccountSettings settings) {
        return Optional.of(new ArchivedIspring(settings));
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.of(new IspringBenchRecords());
    }

    /** The one wiring of fetcher, mapper and tracker, shared by the live run and re-derivation (same ids). */
    public static SnapshotPoller<IspringPayload> poller(
            SourceAccount account,
            IspringConfig config,
            IspringSessions sessions,
            FaultGuard guard,
            SessionTracker tracker,
            Clock clock) {
        return new SnapshotPoller<>(account, new IspringFetcher(config, sessions, guard), new IspringMapper(),
                MissingPolicy.DELETED, tracker, clock);
    }
}
