package io.sessionflow.source.storyclm;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.util.Map;

final class StoryclmDemo implements DemoVendor {
    private static final String TOKEN = "demo-storyclm-token";
    private final StoryclmWorld world;
    private final StoryclmSimulator server;

    StoryclmDemo(long idBase) {
        this.world = new StoryclmWorld(idBase);
        this.server = new StoryclmSimulator(world, TOKEN);
    }

    @Override
    public String name() {
        return "StoryCLM";
    }

    @Override
    public String address() {
        return server.url();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.storyclm.url", server.url(),
                "sessionflow.storyclm.token", TOKEN,
                "sessionflow.storyclm.poll-interval", "2s");
    }

    @Override
    public Scenario scenario() {
        return new StoryclmScenario(world);
    }

    @Override
    public void close() {
        server.close();
    }
}
