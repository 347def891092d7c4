package io.sessionflow.source.tradernet;

import io.sessionflow.source.http.Backoff;
import io.sessionflow.source.http.LogSafe;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live feed connected, on one thread: log in, connect, take an HTTP snapshot, subscribe, wait for
 * the drop, back off, again. The snapshot after every reconnect closes the gap: what changed while the feed was
 * down is diffed from it (marked recovered), and the first feed message after subscribing is a full list again.
 * Any failure forgets the SID, so a SID that stopped working is replaced by a fresh login. Failures (a refused login, a
 * connection that cannot be opened, an error on the feed) are reported as the account's failed polls: its readiness
 * goes down until a list from the vendor is committed again.
 */
public final class TradernetFeed implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(TradernetFeed.class);
    private final TradernetConfig config;
    private final TradernetApi api;
    private final FeedTransport transport;
    private final Backoff backoff;
    private final RandomGenerator random;
    /** Connection attempts that failed since the feed last delivered; reset by the receiving thread. */
    private final AtomicInteger failures = new AtomicInteger();
    private final Consumer<TradernetMessage> queue;
    private final Consumer<String> onFailure;
    private final Clock clock;
    private volatile boolean running = true;
    private volatile FeedTransport.Connection current;
    private volatile boolean vendorError;
    private volatile TradernetCredentials credentials;
    private boolean connectedBefore;
    /** Delivering since its last snapshot: its first list after subscribing arrived, and it has not dropped since. */
    private volatile boolean delivering;
    /** Messages received but not yet on the queue. */
    private final java.util.concurrent.atomic.AtomicInteger arriving = new java.util.concurrent.atomic.AtomicInteger();

    /** @param onFailure told every failure, in the credential-free line that is logged */
    public TradernetFeed(TradernetConfig config, TradernetApi api, FeedTransport transport, Backoff backoff,
                         RandomGenerator random, Consumer<TradernetMessage> queue, Consumer<String> onFailure,
                         Clock clock) {
        this.config = config;
        this.api = api;
        this.transport = transport;
        this.backoff = backoff;
        this.random = random;
        this.queue = queue;
        this.onFailure = onFailure;
        this.clock = clock;
    }

    @Override
    public void run() {
        while (running) {
            try {
                String why = connectOnce();
                if (running) {
                    LOG.warn("Tradernet feed {}; reconnecting", why);
                }
            } catch (TradernetException e) {
                credentials = null;
                if (running) {
                    // vendor text (a refusal's errMsg) may carry CR/LF: escaped like every vendor text we log
                    failed(LogSafe.of(TradernetApi.redact(e.getMessage(), config.password())));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                credentials = null;
                if (running) {
                    failed("Tradernet feed failed: " + LogSafe.of(e.getClass().getSimpleName() + ": "
                            + LogSafe.of(TradernetApi.redact(e.getMessage(), config.password()))));
                }
            }
            if (!sleep(backoff.delay(failures.getAndIncrement(), random))) {
                return;
            }
        }
    }

    /**
     * Whether every change up to now is on the queue already, as far as the feed can tell: it is delivering, and no
     * message it received is still on its way to the queue. Ask after taking the time it is asked for.
     */
    public boolean vouchesUpToNow() {
        return delivering && arriving.get() == 0;
    }

    public void stop() {
        running = false;
        FeedTransport.Connection c = current;
        if (c != null) {
            c.close();
        }
    }

    /** @return why the connection ended */
    private String connectOnce() throws InterruptedException {
        if (credentials == null) {
            credentials = api.login(config.login(), config.password());
            LOG.info("Tradernet: logged in as '{}'", LogSafe.of(config.login()));
        }
        vendorError = false;
        delivering = false;
        try (FeedTransport.Connection connection = transport.connect(credentials, this::received)) {
            current = connection;
            if (!running) {
                return "stopped";
            }
            byte[] snapshot = api.securitySessions(credentials);
            queue.accept(snapshot(snapshot, connectedBefore));
            connection.subscribe();
            LOG.info("Tradernet feed {} via {}", connectedBefore ? "reconnected" : "connected", config.transport());
            connectedBefore = true;
            String why = connection.awaitClosed();
            if (vendorError) {
                credentials = null;
                return "closed after a vendor error";
            }
            return why;
        } finally {
            delivering = false;
            current = null;
        }
    }

    private void received(FeedEvent event) {
        arriving.incrementAndGet();
        try {
            queue(event);
        } finally {
            arriving.decrementAndGet();
        }
    }

    private void queue(FeedEvent event) {
        long nanos = System.nanoTime();
        if (event instanceof FeedEvent.Sessions s) {
            // only a feed that delivers counts as recovered: a feed that answers errors keeps backing off
            failures.set(0);
            queue.accept(new TradernetMessage(TradernetMessage.Kind.FEED, endpoint(), s.raw(), s.sessions(), null,
                    clock.instant(), nanos, false));
            // the first list after subscribing is complete: from now on, what the feed does not say did not change
            delivering = true;
        } else if (event instanceof FeedEvent.Unreadable u) {
            queue.accept(new TradernetMessage(TradernetMessage.Kind.FEED, endpoint(), u.raw(), null, u.reason(),
                    clock.instant(), nanos, false));
        } else if (event instanceof FeedEvent.Error e) {
            // an error usually means the SID or the account no longer works: drop, log in again, reconnect
            String error = "Tradernet feed answered an error: "
                    + LogSafe.of(TradernetApi.redact(e.detail(), credentialsSid()));
            LOG.error("{}", error);
            onFailure.accept(error);
            vendorError = true;
            delivering = false;
            FeedTransport.Connection c = current;
            if (c != null) {
                c.close();
            }
        }
    }

    private void failed(String error) {
        LOG.error("{}; retrying", error);
        onFailure.accept(error);
    }

    private String credentialsSid() {
        TradernetCredentials c = credentials;
        return c == null ? null : c.sid();
    }

    private String endpoint() {
        return config.transport() == TradernetConfig.Transport.SOCKETIO
                ? "socket.io sup_iitr_notify_sessions_json" : "ws [\"sessions\"]";
    }

    private TradernetMessage snapshot(byte[] body, boolean recovered) {
        String raw = new String(body, StandardCharsets.UTF_8);
        long nanos = System.nanoTime();
        try {
            return new TradernetMessage(TradernetMessage.Kind.SNAPSHOT, TradernetApi.SNAPSHOT_ENDPOINT, raw,
                    io.sessionflow.source.Json.mapper().readTree(body), null, clock.instant(), nanos, recovered);
        } catch (java.io.IOException e) {
            throw new TradernetException("Tradernet getSecuritySessions answer is not JSON");
        }
    }

    private boolean sleep(java.time.Duration d) {
        try {
            Thread.sleep(d.toMillis());
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
