package io.sessionflow.source.webinar;

import io.sessionflow.source.BenchEconomy;
import io.sessionflow.source.EconomyWords;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Sessions scheduled a day ahead; the live ones (one visitor each) at the end of the list. A listed session costs
 * no request beyond its schedule page unless it changed (its details) or is live (participations and connections).
 */
final class WebinarBenchEconomy implements BenchEconomy {
    private static final String TOKEN = "bench-token";
    private final int live;
    private final int changed;
    private final WebinarSimulator simulator;
    private final WebinarRenamer renamer;

    WebinarBenchEconomy(int listed, int live, int changed) {
        this.live = live;
        this.changed = changed;
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        for (int i = 0; i < listed; i++) {
            WebinarWorld.Session s =
                    world.schedule("Webinar " + i, now.minusSeconds(3600), now.plus(Duration.ofDays(1)));
            if (i >= listed - 2 * live && i % 2 == 0) {
                world.start(s.id, now.minusSeconds(600));
                world.join(s.id, new WebinarWorld.User(String.valueOf(1000 + i), "Visitor", String.valueOf(i), null),
                        now);
            }
        }
        this.simulator = new WebinarSimulator(world, TOKEN);
        this.renamer = new WebinarRenamer(world);
    }

    @Override
    public Map<String, String> firstPoll() {
        return steady();
    }

    @Override
    public Map<String, String> steady() {
        return Map.of("base-url", simulator.baseUrl(), "token", TOKEN);
    }

    @Override
    public void change() {
        renamer.rename(changed);
    }

    @Override
    public int requestCount() {
        return simulator.requestCount();
    }

    @Override
    public int pageCount() {
        return (int) simulator.server().requestPaths().stream()
                .filter(p -> p.contains("/organization/events/schedule")).count();
    }

    @Override
    public double allowed(double pages) {
        return pages + 2.0 * live + changed;
    }

    @Override
    public EconomyWords words() {
        return new EconomyWords("live", "pages + 2 per live + 1 per changed", "schedule pages per poll",
                "a first poll without memory (as every poll before the economy)");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
