package io.sessionflow.source.seeit;

import io.sessionflow.source.BenchEconomy;
import io.sessionflow.source.EconomyWords;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sessions created within the list window (the default look-back of 24 h), some started before each poll; the open
 * ones created before the window are known from a first poll that reached back 48 h, and cost a request each since.
 */
final class SeeitBenchEconomy implements BenchEconomy {
    private static final String TOKEN = "bench-token";
    private final int old;
    private final int changed;
    private final SeeitWorld world = new SeeitWorld();
    private final List<SeeitWorld.Session> recent = new ArrayList<>();
    private final SeeitSimulator simulator;
    private int next;

    SeeitBenchEconomy(int listed, int old, int changed) {
        this.old = old;
        this.changed = changed;
        Instant now = Instant.now();
        for (int i = 0; i < old; i++) {
            world.start(world.create("old@example.org", now.minus(Duration.ofHours(30))).uuid,
                    now.minus(Duration.ofHours(29)));
        }
        for (int i = 0; i < listed; i++) {
            recent.add(world.create("tech@example.org", now.minus(Duration.ofHours(1))));
        }
        this.simulator = new SeeitSimulator(world, TOKEN);
    }

    @Override
    public Map<String, String> firstPoll() {
        return Map.of("base-url", simulator.baseUrl(), "token", TOKEN, "look-back", "48h");
    }

    @Override
    public Map<String, String> steady() {
        return Map.of("base-url", simulator.baseUrl(), "token", TOKEN);
    }

    @Override
    public void change() {
        for (int i = 0; i < changed; i++) {
            world.start(recent.get(next++ % recent.size()).uuid, Instant.now());
        }
    }

    @Override
    public int requestCount() {
        return simulator.requestCount();
    }

    @Override
    public int pageCount() {
        return (int) simulator.served().stream().filter(p -> p.startsWith("list")).count();
    }

    @Override
    public double allowed(double pages) {
        return pages + old;
    }

    @Override
    public EconomyWords words() {
        return new EconomyWords("open older than the list window", "pages + 1 per open older session",
                "pages of the 24 h list window per poll (a listed session needs no other request)",
                "a first poll reaching back 48 h");
    }

    @Override
    public void close() {
        simulator.close();
    }
}
