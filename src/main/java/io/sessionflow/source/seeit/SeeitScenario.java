package io.sessionflow.source.seeit;

import io.sessionflow.demo.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Moves the simulated Seeit world along: sessions are created, started, joined by the mobile app, finished. */
public final class SeeitScenario implements Scenario {
    private static final List<String> TECHNICIANS = List.of("tech.anna@example.org", "tech.ivan@example.org");
    private static final List<String> NOTES = List.of("Router reset, LEDs green again",
            "Replaced the filter cartridge", "Customer shown the pairing button");
    private final SeeitWorld world;
    private int step;

    public SeeitScenario(SeeitWorld world) {
        this.world = world;
    }

    /** Enough sessions at once for more than one page of the demo's page size. */
    public void seed(Instant now, int count) {
        for (int i = 0; i < count; i++) {
            world.create(TECHNICIANS.get(i % TECHNICIANS.size()), now.minusSeconds(60L * (count - i)));
        }
    }

    @Override
    public synchronized void tick(Instant now) {
        int n = step++;
        switch (n % 4) {
            case 0 -> world.create(TECHNICIANS.get(n % TECHNICIANS.size()), now);
            case 1 -> first("CREATED").ifPresent(s -> world.start(s.uuid, now));
            case 2 -> first("STARTED").ifPresent(s -> world.join(s.uuid, now));
            default -> {
                // data of an earlier session first, so its availability shows as an update of its own
                world.sessions().stream().filter(s -> s.dataStatus.equals("PROCESSING")).findFirst()
                        .ifPresent(s -> world.dataReady(s.uuid));
                first("JOINED").ifPresent(s -> world.finish(s.uuid, now, 1 + n % 3, NOTES.get(n % NOTES.size())));
            }
        }
    }

    private Optional<SeeitWorld.Session> first(String status) {
        return world.sessions().stream().filter(s -> s.status.equals(status)).findFirst();
    }
}
