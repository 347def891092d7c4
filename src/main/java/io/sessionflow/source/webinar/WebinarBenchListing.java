package io.sessionflow.source.webinar;

import io.sessionflow.demo.SimulatedHttpServer;
import io.sessionflow.source.BenchListing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The webinar.ru simulator with sessions scheduled a day ahead, inside Sessionflow's default schedule window. */
final class WebinarBenchListing implements BenchListing {
    private static final String TOKEN = "bench-token";
    private final WebinarSimulator simulator;
    private final WebinarRenamer renamer;

    WebinarBenchListing(int sessions) {
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int i = 0; i < sessions; i++) {
            world.schedule("Webinar " + i, now.minusSeconds(3600), now.plus(Duration.ofDays(1)));
        }
        this.simulator = new WebinarSimulator(world, TOKEN);
        this.renamer = new WebinarRenamer(world);
    }

    @Override
    public Map<String, String> settings() {
        return Map.of("base-url", simulator.baseUrl(), "token", TOKEN);
    }

    @Override
    public void rename(int count) {
        renamer.rename(count);
    }

    @Override
    public List<SimulatedHttpServer.Seen> requests() {
        return simulator.server().requests();
    }

    @Override
    public int requestCount() {
        return simulator.requestCount();
    }

    @Override
    public void close() {
        simulator.close();
    }
}
