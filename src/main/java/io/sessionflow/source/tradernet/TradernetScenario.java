package io.sessionflow.source.tradernet;

import io.sessionflow.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/**
 * Moves the simulated Tradernet account along: logins open sessions, some are prolonged, some close, short
 * ones expire on their own, and now and then the feed connection drops (the pipeline reconnects and recovers).
 */
public final class TradernetScenario implements Scenario {
    private static final List<String> IPS = List.of("19.16.32.32", "203.0.113.7", "198.51.100.23", "192.0.2.44");
    private final TradernetWorld world;
    private final TradernetSimulator vendor;
    private final Random random = new Random(7);
    private int step;

    public TradernetScenario(TradernetWorld world, TradernetSimulator vendor) {
        this.world = world;
        this.vendor = vendor;
    }

    @Override
    public synchronized void tick(Instant now) {
        switch (step++ % 7) {
            case 0, 3 -> world.open("virtual@virtual.com", "Login, password", now, Duration.ofHours(24),
                    IPS.get(random.nextInt(IPS.size())));
            case 1 -> world.open("virtual@virtual.com", "SMS", now, Duration.ofSeconds(5), IPS.get(0));
            case 2 -> oldest().ifPresent(s -> world.prolong(s.id(), s.expire().plus(Duration.ofHours(1))));
            case 4 -> {
                // sessions change while the feed is down: the reconnect's snapshot recovers them
                vendor.dropConnections();
                oldest().ifPresent(s -> world.close(s.id()));
            }
            case 5 -> world.sessions().stream().filter(s -> !s.expire().isAfter(now)).forEach(s -> world.close(s.id()));
            default -> {
                List<TradernetWorld.Session> open = world.sessions();
                if (open.size() > 3) {
                    world.close(open.get(open.size() - 1).id());
                }
            }
        }
    }

    private java.util.Optional<TradernetWorld.Session> oldest() {
        return world.sessions().stream().findFirst();
    }
}
