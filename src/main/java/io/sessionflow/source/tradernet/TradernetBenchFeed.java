package io.sessionflow.source.tradernet;

import io.sessionflow.source.BenchFeed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The simulated Tradernet WebSocket feed with one security session; a change prolongs it by a minute. */
final class TradernetBenchFeed implements BenchFeed {
    private static final String LOGIN = "bench@example.org";
    private static final String PASSWORD = "bench-password";
    private final TradernetWorld world = new TradernetWorld(Clock.systemUTC());
    private final TradernetSimulator vendor = new TradernetSimulator(world, LOGIN, PASSWORD);
    private final long session;
    private Instant expire;

    TradernetBenchFeed() {
        TradernetWorld.Session s = world.open(LOGIN, "Login, password", Instant.now(), Duration.ofHours(24),
                "19.16.32.32");
        this.session = s.id();
        this.expire = s.expire();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.tradernet.api-url", vendor.apiUrl(),
                "sessionflow.tradernet.ws-url", vendor.webSocketUrl(),
                "sessionflow.tradernet.transport", "websocket",
                "sessionflow.tradernet.login", LOGIN,
                "sessionflow.tradernet.password", PASSWORD,
                "sessionflow.privacy.ip-hash-key", "bench-ip-hash-key");
    }

    @Override
    public boolean subscribed() {
        return vendor.feedSubscribers() >= 1;
    }

    @Override
    public void change() {
        expire = expire.plusSeconds(60);
        world.prolong(session, expire);
    }

    @Override
    public void close() {
        vendor.close();
    }
}
