package io.sessionflow.source.seeit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.MutableClock;
import io.sessionflow.testing.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor's request budget, counted by the simulator: a Seeit poll reads the pages of its list window and
 * refreshes one by one only the open sessions the window no longer covers, never a closed one.
 */
class SeeitRequestEconomyTest {
    private static final String TOKEN = "seeit-economy-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TECH = "tech.anna@example.org";
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final SeeitWorld world = new SeeitWorld();
    private final SeeitSimulator vendor = new SeeitSimulator(world, TOKEN);
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    @Test
    void aPollReadsItsWindowsPagesAndRefreshesOnlyOpenSessionsOutsideIt() {
        Instant old = t0.minus(Duration.ofMinutes(50));
        SeeitWorld.Session oldOpenA = world.create(TECH, old);
        SeeitWorld.Session oldOpenB = world.create(TECH, old);
        SeeitWorld.Session oldDone = world.create(TECH, old);
        world.start(oldOpenA.uuid, old.plusSeconds(60));
        world.finish(oldDone.uuid, old.plusSeconds(120), 0, "done");
        for (int i = 0; i < 6; i++) {
            SeeitWorld.Session recent = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
            if (i % 2 == 0) {
                world.finish(recent.uuid, t0.minus(Duration.ofMinutes(5)), 0, "done");
            }
        }
        pipeline = Pipeline.start(Map.of(
                "sessionflow.seeit.base-url", vendor.baseUrl(),
                "sessionflow.seeit.token", TOKEN,
                "sessionflow.seeit.poll-interval", "200ms",
                "sessionflow.seeit.page-size", "4",
                "sessionflow.seeit.look-back", "1h"), clock);

        try (CommittedPolls polls = new CommittedPolls(pipeline, SeeitModule.SYSTEM)) {
            polls.awaitQuiet(WAIT);
            assertThat(lastCompletePoll()).as("the window covers all nine: its pages alone")
                    .containsExactly("list page=0", "list page=1", "list page=2");
            // polls at the new time commit their cursor, so the window (look-back from the last poll) moves past
            // the old sessions
            clock.set(t0.plus(Duration.ofMinutes(30)));
            polls.awaitQuiet(WAIT);
            assertThat(lastCompletePoll()).as("six in the window, two old ones open, one old one closed")
                    .containsExactlyInAnyOrder("list page=0", "list page=1", "get " + oldOpenA.uuid,
                            "get " + oldOpenB.uuid);
        }
    }

    /** The requests of the last poll that both began and ended: from one first list page to the next. */
    private List<String> lastCompletePoll() {
        List<String> all = vendor.served();
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).equals("list page=0")) {
                starts.add(i);
            }
        }
        assertThat(starts).as("at least two polls began").hasSizeGreaterThanOrEqualTo(2);
        return all.subList(starts.get(starts.size() - 2), starts.get(starts.size() - 1));
    }
}
