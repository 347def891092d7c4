package io.sessionflow.source.ispring;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.util.Map;

final class IspringDemo implements DemoVendor {
    private static final String TOKEN = "demo-ispring-token";
    private final IspringWorld world;
    private final IspringSimulator server;

    IspringDemo(long idBase) {
        this.world = new IspringWorld(idBase);
        this.server = new IspringSimulator(world, TOKEN);
    }

    @Override
    public String name() {
        return "iSpring Learn (SOAP)";
    }

    @Override
    public String address() {
        return server.url();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.ispring.url", server.url(),
                "sessionflow.ispring.token", TOKEN,
                "sessionflow.ispring.training-ids", String.join(",", IspringScenario.TRAININGS),
                "sessionflow.ispring.poll-interval", "2s");
    }

    @Override
    public Scenario scenario() {
        return new IspringScenario(world);
    }

    @Override
    public void close() {
        server.close();
    }
}
