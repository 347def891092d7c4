package io.sessionflow.source.webinar;

import io.sessionflow.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Moves the simulated webinar.ru world along: sessions are scheduled, start, get visitors, and end. */
public final class WebinarScenario implements Scenario {
    private static final List<String> TOPICS = List.of("Quarterly results", "Onboarding", "Product demo",
            "Security training", "Sales kickoff", "Customer webinar");
    private static final List<WebinarWorld.User> USERS = List.of(
            new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru"),
            new WebinarWorld.User("3080", "Badger", "Honey", "badger@example.org"),
            new WebinarWorld.User("3209", "Anna", "Petrova", "anna@example.org"),
            new WebinarWorld.User("3310", "Ivan", "Sidorov", "ivan@example.org"));
    private final WebinarWorld world;
    private final Random random = new Random(42);
    private int step;

    public WebinarScenario(WebinarWorld world) {
        this.world = world;
    }

    @Override
    public synchronized void tick(Instant now) {
        switch (step++ % 6) {
            case 0, 3 -> world.schedule(
                    TOPICS.get(random.nextInt(TOPICS.size())), now, now.plus(Duration.ofMinutes(5)));
            case 1 -> firstWith("ACTIVE").ifPresent(s -> world.start(s.id, now));
            case 2, 4 -> firstWith("START").ifPresent(s -> visit(s, now));
            default -> oldestLive().ifPresent(s -> world.stop(s.id, now));
        }
    }

    private void visit(WebinarWorld.Session s, Instant now) {
        WebinarWorld.User user = USERS.get(random.nextInt(USERS.size()));
        boolean inside = s.connections.stream().anyMatch(c -> c.user.id().equals(user.id()) && c.leaved == null);
        if (inside) {
            world.leave(s.id, user.id(), now);
        } else {
            world.join(s.id, user, now);
        }
    }

    private java.util.Optional<WebinarWorld.Session> firstWith(String status) {
        return world.sessions().stream().filter(s -> s.status.equals(status) && !s.deleted).findFirst();
    }

    private java.util.Optional<WebinarWorld.Session> oldestLive() {
        List<WebinarWorld.Session> live = world.sessions().stream().filter(s -> s.status.equals("START")).toList();
        return live.size() < 2 ? java.util.Optional.empty() : java.util.Optional.of(live.get(0));
    }
}
