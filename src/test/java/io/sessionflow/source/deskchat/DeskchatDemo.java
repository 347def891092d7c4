package io.sessionflow.source.deskchat;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.util.Map;

/** The demo's Deskchat: its simulator, the settings pointing account default at it, its scenario. */
final class DeskchatDemo implements DemoVendor {
    private static final String API_KEY = "demo-deskchat-key";
    private final DeskchatWorld world;
    private final DeskchatSimulator server;

    DeskchatDemo(long idBase) {
        this.world = new DeskchatWorld(idBase);
        this.server = new DeskchatSimulator(world, API_KEY);
    }

    @Override
    public String name() {
        return "Deskchat";
    }

    @Override
    public String address() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.deskchat.base-url", server.baseUrl(),
                "sessionflow.deskchat.api-key", API_KEY,
                "sessionflow.deskchat.poll-interval", "1s",
                "sessionflow.deskchat.page-size", "2");
    }

    @Override
    public Scenario scenario() {
        return new DeskchatScenario(world);
    }

    @Override
    public void close() {
        server.close();
    }
}
