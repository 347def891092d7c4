package io.sessionflow.source.webinar;

import io.sessionflow.source.BenchSimulator;
import java.time.Instant;
import java.util.Map;

/** The webinar.ru simulator with live sessions of one visitor each; a change renames every session. */
final class WebinarBenchSimulator implements BenchSimulator {
    private static final String TOKEN = "bench-token";
    private final WebinarWorld world = new WebinarWorld();
    private final WebinarSimulator simulator;

    WebinarBenchSimulator(int sessions) {
        Instant now = Instant.now();
        for (int i = 0; i < sessions; i++) {
            String id = world.schedule("Webinar " + i, now.minusSeconds(600), now.minusSeconds(300)).id;
            world.start(id, now.minusSeconds(300));
            world.join(id, new WebinarWorld.User(String.valueOf(3000 + i), "Visitor", String.valueOf(i),
                    "visitor" + i + "@example.org"), now.minusSeconds(200));
        }
        this.simulator = new WebinarSimulator(world, TOKEN);
    }

    /** The largest page the API allows: a poll of many sessions in few schedule requests. */
    @Override
    public Map<String, String> settings() {
        return Map.of("sessionflow.webinar.base-url", simulator.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.page-size", "500",
                "sessionflow.webinar.poll-interval", "2s");
    }

    @Override
    public void changeAll(int round) {
        Instant renamedAt = Instant.now();
        for (WebinarWorld.Session s : world.sessions()) {
            world.rename(s.id, "Webinar " + s.id + " rev " + round, renamedAt);
        }
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
