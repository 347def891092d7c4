package io.sessionflow.source.tradernet;

import io.sessionflow.config.AccountSettings;
import io.sessionflow.config.SettingDef;
import io.sessionflow.config.SettingType;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.event.SessionKind;
import io.sessionflow.event.SystemId;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.rederive.RederivableSource;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.BenchFeed;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.ModuleChecks;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.SourceRoutes;
import io.sessionflow.source.http.Backoff;
import io.sessionflow.source.http.VendorSpans;
import io.sessionflow.source.http.VendorHttpVersion;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.track.KnownSession;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Tradernet security sessions: the one push source. Its route interval is the expiry check's. */
public final class TradernetModule implements SourceModule {
    public static final SystemId SYSTEM = SystemId.of("tradernet");
    public static final SessionKind KIND = SessionKind.of("security");
    private static final List<SettingDef> SETTINGS = List.of(
            SettingDef.account(
                    "api-url",
                    SettingType.URL,
                    "",
                    "Tradernet API base URL, e.g. https://tradernet.com/api (login at /check-login-password, commands"
                            + " at /?q=). Setting it enables the source."),
            SettingDef.account(
                    "ws-url",
                    SettingType.STRING,
                    "",
                    "Tradernet live feed URL: ws:// or wss:// for the WebSocket transport, http(s):// or ws(s):// of"
                            + " the socket.io server for socketio."),
            SettingDef.account(
                    "transport",
                    SettingType.STRING,
                    "websocket",
                    "Feed transport: websocket (the plain WebSocket feed) or socketio (the socket.io feed of the"
                            + " NodeJS example)."),
            SettingDef.account(
                    "login", SettingType.STRING, "", "Tradernet account login used for check-login-password."),
            SettingDef.account("password", SettingType.SECRET, "", "Tradernet account password."),
            SettingDef.account(
                    "expiry-check-interval",
                    SettingType.DURATION,
                    "5s",
                    "How often open sessions are checked against their expire_datetime (session.ended when it"
                            + " passes)."),
            SettingDef.account(
                    "reconnect-initial-delay",
                    SettingType.DURATION,
                    "500ms",
                    "First wait before reconnecting after the feed dropped or failed; doubles per failed attempt, with"
                            + " jitter."),
            SettingDef.account(
                    "reconnect-max-delay",
                    SettingType.DURATION,
                    "30s",
                    "Longest wait between two reconnect attempts."));

    @Override
    public SystemId system() {
        return SYSTEM;
    }

    @Override
    public String title() {
        return "Tradernet";
    }

    @Override
    public List<SettingDef> settings() {
        return SETTINGS;
    }

    @Override
    public String enabledBy() {
        return "api-url";
    }

    /** Every missing setting at once; then what TradernetConfig finds in the values given. */
    @Override
    public List<String> problems(AccountSettings settings) {
        List<String> problems = new java.util.ArrayList<>();
        for (String key : List.of("ws-url", "login", "password")) {
            if (!settings.isSet(key)) {
                problems.add(settings.name(key) + " is required when " + settings.name("api-url") + " is set");
            }
        }
        return problems.isEmpty() ? ModuleChecks.problems(() -> TradernetConfig.from(settings)) : problems;
    }

    @Override
    public Duration pollInterval(AccountSettings settings) {
        return settings.duration("expiry-check-interval");
    }

    /** A push source: its feed and expiry checks run in Sessionflow's own routes, and it has no Kamelet (README). */
    @Override
    public Optional<String> pollSetting() {
        return Optional.empty();
    }

    @Override
    public SourceRoutes routes() {
        return SourceRoutes.of("sources/tradernet-websocket.yaml", "tradernet-websocket",
                "tradernet-expiry-check");
    }

    @Override
    public TradernetStream createSource(AccountContext context) {
        TradernetConfig config = TradernetConfig.from(context.settings());
        Optional<VendorTls.Trust> trust = context.vendorTrust();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(VendorHttpVersion.of(config.apiUrl()));
        trust.ifPresent(t -> builder.sslContext(t.context())); // host names are verified either way
        HttpClient http = builder.build();
        FeedTransport transport = config.transport() == TradernetConfig.Transport.SOCKETIO
                ? new SocketIoTransport(config.feedUrl(), config.login(), config.httpTimeout(), trust)
                : new WebSocketTransport(config.feedUrl(), http, config.httpTimeout(),
                        context.settings().pipeline().integer("sessionflow.http.max-body-bytes"));
        String queue = "tradernet-feed-" + context.account().account();
        TradernetFeed feed = new TradernetFeed(config,
                new TradernetApi(config.apiUrl(), http, config.httpTimeout(), context.userAgent(),
                        new VendorSpans(context.tracing().tracer(), context.account())),
                transport, new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay()),
                new Random(),
                TradernetStream.queueOf(context.template(), queue), context::failed, context.clock());
        TradernetBatches batches = new TradernetBatches(context.account(),
                new TradernetMapper(IpMasker.from(context.settings().pipeline(),
                        context.tracker().known().of(SYSTEM).filter(KnownSession::isOpen).count())),
                context.tracker(), context.clock());
        return new TradernetStream(feed, batches, queue, context.clock());
    }

    @Override
    public DemoVendor demo(long idBase) {
        return new TradernetDemo(idBase);
    }

    /** Every message as archived, at its receive time; reconnect snapshots and expiry checks that changed something. */
    @Override
    public Optional<RederivableSource> rederivation(AccountSettings settings) {
        return Optional.of(new ArchivedFeed(settings.account(),
                new TradernetMapper(IpMasker.from(settings.pipeline()))));
    }

    @Override
    public Optional<BenchRecords<?>> benchRecords() {
        return Optional.empty();
    }

    @Override
    public Optional<BenchFeed.Start> benchFeed() {
        return Optional.of(TradernetBenchFeed::new);
    }
}
