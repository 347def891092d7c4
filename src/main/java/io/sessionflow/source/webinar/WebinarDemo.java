package io.sessionflow.source.webinar;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.util.Map;

final class WebinarDemo implements DemoVendor {
    private static final String TOKEN = "demo-webinar-token";
    private final WebinarWorld world;
    private final WebinarSimulator server;

    WebinarDemo(long idBase) {
        this.world = new WebinarWorld(idBase);
        this.server = new WebinarSimulator(world, TOKEN);
    }

    @Override
    public String name() {
        return "webinar.ru";
    }

    @Override
    public String address() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.webinar.base-url", server.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "2s");
    }

    @Override
    public Scenario scenario() {
        return new WebinarScenario(world);
    }

    @Override
    public void close() {
        server.close();
    }
}
