package io.sessionflow.source.tradernet;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.time.Clock;
import java.util.Map;

final class TradernetDemo implements DemoVendor {
    private static final String LOGIN = "virtual@virtual.com";
    private static final String PASSWORD = "demo-tradernet-password";
    private final TradernetWorld world;
    private final TradernetSimulator server;

    TradernetDemo(long idBase) {
        this.world = new TradernetWorld(Clock.systemUTC(), idBase);
        this.server = new TradernetSimulator(world, LOGIN, PASSWORD);
    }

    @Override
    public String name() {
        return "Tradernet";
    }

    @Override
    public String address() {
        return server.apiUrl() + " (feed " + server.webSocketUrl() + ")";
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.tradernet.api-url", server.apiUrl(),
                "sessionflow.tradernet.ws-url", server.webSocketUrl(),
                "sessionflow.tradernet.login", LOGIN,
                "sessionflow.tradernet.password", PASSWORD,
                "sessionflow.tradernet.expiry-check-interval", "1s");
    }

    @Override
    public Scenario scenario() {
        return new TradernetScenario(world, server);
    }

    @Override
    public void close() {
        server.close();
    }
}
