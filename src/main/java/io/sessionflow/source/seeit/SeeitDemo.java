package io.sessionflow.source.seeit;

import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import java.time.Instant;
import java.util.Map;

final class SeeitDemo implements DemoVendor {
    private static final String TOKEN = "demo-seeit-token";
    private static final int PAGE_SIZE = 5;
    private final SeeitWorld world;
    private final SeeitSimulator server;
    private final SeeitScenario scenario;

    SeeitDemo(long idBase) {
        this.world = new SeeitWorld(idBase);
        this.server = new SeeitSimulator(world, TOKEN);
        this.scenario = new SeeitScenario(world);
        scenario.seed(Instant.now(), 2 * PAGE_SIZE + 2);
    }

    @Override
    public String name() {
        return "GoToAssist Seeit";
    }

    @Override
    public String address() {
        return server.baseUrl();
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.seeit.base-url", server.baseUrl(),
                "sessionflow.seeit.token", TOKEN,
                "sessionflow.seeit.poll-interval", "2s",
                "sessionflow.seeit.page-size", String.valueOf(PAGE_SIZE));
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    @Override
    public void close() {
        server.close();
    }
}
