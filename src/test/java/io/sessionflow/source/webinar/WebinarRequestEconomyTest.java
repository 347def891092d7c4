package io.sessionflow.source.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The vendor's request budget, counted by the simulator: at steady state a poll reads the schedule pages and, per
 * live session, its participations and its event's visitors; a session's details only when its schedule entry or
 * its visitors changed; nothing more about a session once it ended.
 */
class WebinarRequestEconomyTest {
    private static final String TOKEN = "economy-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String SCHEDULE = "/organization/events/schedule?";
    private static final WebinarWorld.User YURI =
            new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final WebinarWorld world = new WebinarWorld();
    private final WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    @Test
    void anUnchangedPollReadsSchedulePagesAndLiveSessionsOnlyAChangedSessionOnceAnEndedOneNever() {
        // two sessions per event: the live ones in different events, so each has its own visitor stats
        WebinarWorld.Session liveA = world.schedule("Live A", t0, t0.plusSeconds(600));
        world.schedule("Planned 0", t0, t0.plusSeconds(7200));
        WebinarWorld.Session liveB = world.schedule("Live B", t0, t0.plusSeconds(600));
        List<WebinarWorld.Session> planned = new ArrayList<>();
        for (int i = 1; i < 20; i++) {
            planned.add(world.schedule("Planned " + i, t0, t0.plusSeconds(7200 + i)));
        }
        world.start(liveA.id, t0.plusSeconds(600));
        world.start(liveB.id, t0.plusSeconds(600));
        world.join(liveA.id, YURI, t0.plusSeconds(660));
        pipeline = Pipeline.start(Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "200ms",
                "sessionflow.webinar.window-past", "3650d",
                "sessionflow.webinar.page-size", "10"));

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            polls.awaitQuiet(WAIT);
            int published = events.readToEnd().size();
            List<String> steady = lastCompletePoll();
            // 22 sessions in 11 events: two schedule pages of 10 events
            assertThat(steady).as("an unchanged poll: schedule pages, then participations and stats per live session")
                    .hasSize(2 + 2 + 2)
                    .filteredOn(p -> p.startsWith(SCHEDULE)).hasSize(2);
            assertThat(steady).filteredOn(p -> p.startsWith("/eventsessions/"))
                    .containsExactlyInAnyOrder(participations(liveA), participations(liveB));
            assertThat(steady).filteredOn(p -> p.startsWith("/stats/users?")).hasSize(2);

            int before = vendor.server().requestPaths().size();
            synchronized (world) {
                planned.subList(0, 3).forEach(s -> world.rename(s.id, s.name + " (moved)", t0.plusSeconds(900)));
                world.join(liveB.id, YURI, t0.plusSeconds(900));
            }
            polls.awaitQuiet(WAIT);
            List<String> afterChange = requestsSince(before);
            assertThat(afterChange).filteredOn(p -> p.matches("/eventsessions/\\d+"))
                    .as("details of each changed session (entry or visitors) once")
                    .containsExactlyInAnyOrder(details(planned.get(0)), details(planned.get(1)),
                            details(planned.get(2)), details(liveB));
            assertThat(EventAssertions.events(events.readToEnd()).subList(published, published + 4))
                    .as("no transition missed").extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactlyInAnyOrder(
                            tuple(planned.get(0).id, "sessionflow.session.updated"),
                            tuple(planned.get(1).id, "sessionflow.session.updated"),
                            tuple(planned.get(2).id, "sessionflow.session.updated"),
                            tuple(liveB.id, "sessionflow.participant.joined"));

            world.stop(liveA.id, t0.plusSeconds(4200));
            polls.awaitQuiet(WAIT);
            assertThat(EventAssertions.events(events.readToEnd())).extracting(SessionEvent::subject, e -> e.type()
                    .type()).contains(tuple(liveA.id, "sessionflow.participant.left"),
                    tuple(liveA.id, "sessionflow.session.ended"));
            polls.awaitQuiet(WAIT);
            assertThat(lastCompletePoll()).as("an ended session is read once after it ends, then never")
                    .hasSize(2 + 2)
                    .noneMatch(p -> p.contains(liveA.id))
                    .contains(participations(liveB));
        }
    }

    private static String details(WebinarWorld.Session s) {
        return "/eventsessions/" + s.id;
    }

    private static String participations(WebinarWorld.Session s) {
        return "/eventsessions/" + s.id + "/participations?page=1&perPage=250";
    }

    private List<String> requestsSince(int count) {
        List<String> paths = vendor.server().requestPaths();
        return paths.subList(count, paths.size()).stream().map(p -> p.replaceFirst("^/v3", "")).toList();
    }

    /** The requests of the last poll that both began and ended: from one first schedule page to the next. */
    private List<String> lastCompletePoll() {
        List<String> all = requestsSince(0);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith(SCHEDULE + "page=1&")) {
                starts.add(i);
            }
        }
        assertThat(starts).as("at least two polls began").hasSizeGreaterThanOrEqualTo(2);
        return all.subList(starts.get(starts.size() - 2), starts.get(starts.size() - 1));
    }
}
