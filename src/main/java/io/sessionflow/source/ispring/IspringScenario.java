package io.sessionflow.source.ispring;

import io.sessionflow.demo.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Moves the simulated iSpring Learn account along: sessions are planned a few seconds ahead (so the clock
 * starts and ends them), some are rescheduled, some deleted. Offsets vary, as they do between trainers.
 */
public final class IspringScenario implements Scenario {
    static final List<String> TRAININGS = List.of("b431d5a0-2d14-11ed-b56c-0242c0a87043",
            "c0ffee00-2d14-11ed-b56c-0242c0a87043");
    private static final List<String> TITLES = List.of("Сессия 1", "Onboarding", "Compliance refresher",
            "Product training", "Sales methodology");
    private static final List<String> OFFSETS = List.of("+03:00", "-07:00", "+05:00");
    private static final List<String> INSTRUCTORS = List.of("Олег Смирнов", "Anna Petrova");
    private final IspringWorld world;
    private int step;

    public IspringScenario(IspringWorld world) {
        this.world = world;
        TRAININGS.forEach(world::addTraining);
    }

    @Override
    public synchronized void tick(Instant now) {
        int n = step++;
        switch (n % 4) {
            case 0, 2 -> plan(now, n);
            case 1 -> latestNotStarted(now).ifPresent(s -> world.reschedule(s.id(), s.startTime().plusMinutes(5)));
            default -> latestNotStarted(now).ifPresent(s -> world.delete(s.id()));
        }
    }

    private void plan(Instant now, int n) {
        Instant start = now.plus(Duration.ofSeconds(3)).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime local = start.atOffset(ZoneOffset.of(OFFSETS.get(n % OFFSETS.size())));
        world.schedule(TRAININGS.get(n / 2 % TRAININGS.size()), TITLES.get(n / 2 % TITLES.size()), local, 6,
                n % 3 == 0 ? null : INSTRUCTORS.get(n % INSTRUCTORS.size()));
    }

    private Optional<IspringWorld.Session> latestNotStarted(Instant now) {
        return TRAININGS.stream().flatMap(t -> world.sessions(t).stream())
                .filter(s -> s.startTime().toInstant().isAfter(now))
                .max(Comparator.comparing(s -> s.startTime().toInstant()));
    }
}
