package io.sessionflow.source.storyclm;

import io.sessionflow.demo.Scenario;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Moves the simulated StoryCLM world along: presentations start, show slides, finish; visits get confirmed;
 * now and then a session is deleted.
 */
public final class StoryclmScenario implements Scenario {
    private static final List<String> USERS = List.of("test@mail.com", "rep.olga@example.org");
    private final StoryclmWorld world;
    private int step;

    public StoryclmScenario(StoryclmWorld world) {
        this.world = world;
    }

    @Override
    public synchronized void tick(Instant now) {
        int n = step++;
        switch (n % 5) {
            case 0 -> world.start(17 + n % 3, USERS.get(n % USERS.size()), now, 3);
            case 1 -> open().ifPresent(s -> world.showSlide(s.id));
            case 2 -> open().ifPresent(s -> world.finish(s.id, now));
            case 3 -> finished().ifPresent(s -> world.setVisit(s.id, 1, s.confirmed));
            default -> {
                finished().filter(s -> s.visit == 1).ifPresent(s -> world.setVisit(s.id, 1, 1));
                if (n % 10 == 9) {
                    finished().ifPresent(s -> world.delete(s.id));
                }
            }
        }
    }

    private Optional<StoryclmWorld.Session> open() {
        return world.sessions().stream().filter(s -> !s.finished).findFirst();
    }

    private Optional<StoryclmWorld.Session> finished() {
        return world.sessions().stream().filter(s -> s.finished && s.confirmed == 0).findFirst()
                .or(() -> world.sessions().stream().filter(s -> s.finished).findFirst());
    }
}
