package io.sessionflow.source.deskchat;

import io.sessionflow.demo.Scenario;
import java.time.Instant;
import java.util.List;

/** Moves the simulated help desk along: a chat opens, the oldest waiting one is answered, the oldest active closes. */
final class DeskchatScenario implements Scenario {
    private static final List<String> TOPICS = List.of("Printer jam", "Password reset", "Invoice missing");
    private final DeskchatWorld world;
    private int step;

    DeskchatScenario(DeskchatWorld world) {
        this.world = world;
    }

    @Override
    public synchronized void tick(Instant now) {
        int n = step++;
        switch (n % 3) {
            case 0 -> world.open(TOPICS.get(n % TOPICS.size()), "Customer " + n, now);
            case 1 -> first("waiting").ifPresent(c -> world.answer(c.id, "agent@example.org", now));
            default -> first("active").ifPresent(c -> world.close(c.id, now));
        }
    }

    private java.util.Optional<DeskchatWorld.Chat> first(String state) {
        return world.chats().stream().filter(c -> c.state.equals(state)).findFirst();
    }
}
