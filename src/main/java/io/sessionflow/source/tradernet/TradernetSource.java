package io.sessionflow.source.tradernet;

import io.sessionflow.config.Settings;
import io.sessionflow.event.SystemId;
import io.sessionflow.privacy.IpMasker;
import io.sessionflow.source.SourceContext;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.http.VendorHttpVersion;
import io.sessionflow.source.http.VendorTls;
import io.sessionflow.track.KnownSession;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Tradernet security sessions: the one push source. Its "poll interval" is the expiry check interval. */
public final class TradernetSource implements SourceModule {

    @Override
    public SystemId system() {
        return SystemId.TRADERNET;
    }

    @Override
    public boolean enabled(Settings settings) {
        return settings.isSet("sessionflow.tradernet.api-url");
    }

    @Override
    public Duration pollInterval(Settings settings) {
        // validates the whole configuration here, so the app reports every problem before starting
        return TradernetConfig.from(settings).expiryCheckInterval();
    }

    @Override
    public Object createBean(SourceContext context) {
        if (!enabled(context.settings())) {
            return new Disabled();
        }
        TradernetConfig config = TradernetConfig.from(context.settings());
        Optional<VendorTls.Trust> trust = context.vendorTrust();
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(config.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(VendorHttpVersion.of(config.apiUrl()));
        trust.ifPresent(t -> builder.sslContext(t.context())); // host names are verified either way
        HttpClient http = builder.build();
        FeedTransport transport = config.transport() == TradernetConfig.Transport.SOCKETIO
                ? new SocketIoTransport(config.feedUrl(), config.login(), config.httpTimeout(), trust)
                : new WebSocketTransport(config.feedUrl(), http, config.httpTimeout(),
                        context.settings().integer("sessionflow.http.max-body-bytes"));
        TradernetFeed feed = new TradernetFeed(config, new TradernetApi(config.apiUrl(), http, config.httpTimeout()),
                transport, new Backoff(config.reconnectInitialDelay(), config.reconnectMaxDelay(),
                        () -> ThreadLocalRandom.current().nextDouble()),
                TradernetStream.queueOf(context.template()), context.clock());
        TradernetBatches batches = new TradernetBatches(new TradernetMapper(IpMasker.from(context.settings(),
                context.tracker().known().of(SystemId.TRADERNET).filter(KnownSession::isOpen).count())),
                context.tracker(), context.clock());
        return new TradernetStream(feed, batches, context.clock());
    }

    /** Bound when the source is off, so the route file still resolves its bean's methods; its routes never start. */
    public static final class Disabled {
        public void connect() {
            throw new IllegalStateException("the Tradernet source is not enabled");
        }

        public List<TradernetMessage> group(TradernetMessage first) {
            throw new IllegalStateException("the Tradernet source is not enabled");
        }

        public Object toBatch(List<TradernetMessage> group) {
            throw new IllegalStateException("the Tradernet source is not enabled");
        }

        public Object expiryCheck() {
            throw new IllegalStateException("the Tradernet source is not enabled");
        }

        public void published(List<TradernetMessage> group) {
            throw new IllegalStateException("the Tradernet source is not enabled");
        }
    }
}
