package io.sessionflow.source.seeit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.MutableClock;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Open Seeit sessions the look-back window no longer lists are refreshed one by one ({@code GET /sessions/{uuid}}):
 * what one refresh answering wrong does (issue 14 items 7 and 4), end to end over real HTTP and a real broker.
 */
class SeeitSessionFaultsTest {
    private static final String TOKEN = "seeit-faults-token";
    private static final String TECH = "tech.anna@example.org";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final SeeitWorld world = new SeeitWorld();
    private SeeitSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new SeeitSimulator(world, TOKEN);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    /** Starts the pipeline on open sessions, then moves the clock on so that only refreshes can read them. */
    private CommittedPolls startOutOfTheWindow(int events, TopicReader[] reader) {
        pipeline = Pipeline.start(Map.of(
                "sessionflow.seeit.base-url", vendor.baseUrl(),
                "sessionflow.seeit.token", TOKEN,
                "sessionflow.seeit.poll-interval", "200ms",
                "sessionflow.seeit.look-back", "1h",
                "sessionflow.http.retries", "0"), clock);
        reader[0] = pipeline.read(pipeline.topics().events());
        reader[0].awaitCount(events, WAIT);
        CommittedPolls polls = new CommittedPolls(pipeline, SeeitModule.SYSTEM);
        clock.set(t0.plus(Duration.ofHours(2)));
        // polls at the new time commit their cursor, so the window (look-back from the last poll) moves past them
        polls.awaitQuiet(WAIT);
        return polls;
    }

    /** Item 7: before, the one refresh answering 503 failed every poll, so the other session's end never came out. */
    @Test
    void aRefreshAnsweringServerErrorsIsLeftOutWhileTheRestIsPublishedAndAskedAgainNextPoll() {
        SeeitWorld.Session bad = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        SeeitWorld.Session good = world.create(TECH, t0.minus(Duration.ofMinutes(9)));
        TopicReader[] reader = new TopicReader[1];
        try (CommittedPolls polls = startOutOfTheWindow(2, reader); TopicReader events = reader[0]) {
            vendor.server().answerPath("/sessions/" + bad.uuid, 503);
            world.start(bad.uuid, t0.plus(Duration.ofMinutes(80)));
            world.start(good.uuid, t0.plus(Duration.ofMinutes(85)));

            List<SessionEvent> three = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(three.get(2)).extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(good.uuid, "sessionflow.session.started");
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("the failing session's state did not move: nothing of it").hasSize(3);
            assertThat(vendor.served()).as("and it was asked again on every poll")
                    .filteredOn(("get " + bad.uuid)::equals).hasSizeGreaterThan(2);

            vendor.server().heal("/sessions/" + bad.uuid);
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(4, WAIT));
            assertThat(all.get(3)).extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time)
                    .containsExactly(bad.uuid, "sessionflow.session.started", t0.plus(Duration.ofMinutes(80)));
        }
    }

    /**
     * Items 7 and 4: a 404 left the session open and refreshed on every poll forever. Seeit keeps a session's details
     * 90 days, so a session it no longer finds ended long ago: ended (inferred) once two polls in a row answer 404,
     * and then no longer asked about. A single 404 ends nothing.
     */
    @Test
    void aSessionSeeitNoLongerFindsEndsOnceTwoPollsInARowSayItAndIsNotAskedAgain() {
        SeeitWorld.Session s = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        world.start(s.uuid, t0.minus(Duration.ofMinutes(5)));
        String path = "/sessions/" + s.uuid;
        TopicReader[] reader = new TopicReader[1];
        try (CommittedPolls polls = startOutOfTheWindow(2, reader); TopicReader events = reader[0]) {
            int asked = asked(s.uuid);
            vendor.server().answerPath(path, 404, 0);
            polls.awaitQuiet(WAIT);
            assertThat(asked(s.uuid)).as("asked after the single 404").isGreaterThan(asked + 1);
            assertThat(events.readToEnd()).as("a single 404 ends nothing").hasSize(2);

            vendor.server().answerPath(path, 404);
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(all.get(2)).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().inferred())
                    .containsExactly(s.uuid, "sessionflow.session.ended", true);
            int afterEnd = asked(s.uuid);
            polls.awaitQuiet(WAIT);
            assertThat(asked(s.uuid)).as("an ended session is not asked about again").isEqualTo(afterEnd);
            assertThat(events.readToEnd()).hasSize(3);
        }
    }

    private int asked(String uuid) {
        return (int) vendor.served().stream().filter(("get " + uuid)::equals).count();
    }
}
