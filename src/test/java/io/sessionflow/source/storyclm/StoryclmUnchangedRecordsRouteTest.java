package io.sessionflow.source.storyclm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.demo.StoryclmSimulator;
import io.sessionflow.demo.StoryclmWorld;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.Topics;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Unchanged records are skipped by the poller (not mapped, not diffed); through the real route this must look
 * exactly as before: after a restart, with the tracker restored from the state topic and the record memory
 * empty, only what changed in between is published, and a record that changes back is published again.
 */
class StoryclmUnchangedRecordsRouteTest {
    private static final String TOKEN = "storyclm-unchanged-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "test@mail.com";
    private final Instant t0 = Instant.parse("2017-06-09T16:00:48Z");
    private final StoryclmWorld world = new StoryclmWorld();
    private StoryclmSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new StoryclmSimulator(world, TOKEN);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    @Test
    void restartWithRestoredStatePublishesOnlyWhatChanged() {
        StoryclmWorld.Session done = world.start(17, USER, t0, 3);
        world.finish(done.id, t0.plusSeconds(3));
        StoryclmWorld.Session running = world.start(21, USER, t0.plusSeconds(120), 3);
        StoryclmWorld.Session leaving = world.start(22, USER, t0.plusSeconds(180), 3);
        StoryclmWorld.Session quiet = world.start(23, USER, t0.plusSeconds(240), 3);
        pipeline = start(null);
        Topics topics = pipeline.topics();
        try (TopicReader events = pipeline.read(topics.events())) {
            events.awaitCount(5, WAIT);
            awaitPolls(3);
            assertThat(events.drain(Duration.ofMillis(600))).as("unchanged polls publish nothing").hasSize(5);
        }
        pipeline.close();
        pipeline = null;

        world.setVisit(done.id, 1, 1);
        world.finish(running.id, t0.plusSeconds(400));
        world.delete(leaving.id);
        pipeline = start(topics);

        try (TopicReader events = pipeline.read(topics.events())) {
            List<SessionEvent> after = EventAssertions.events(events.awaitCount(8, WAIT)).subList(5, 8);
            assertThat(after).extracting(SessionEvent::subject, e -> e.type().type()).containsExactlyInAnyOrder(
                    tuple(done.id, "sessionflow.session.updated"),
                    tuple(running.id, "sessionflow.session.ended"),
                    tuple(leaving.id, "sessionflow.session.deleted"));
            awaitPolls(3);
            assertThat(events.drain(Duration.ofMillis(600)))
                    .as("nothing more, and nothing about %s, which never changed", quiet.id).hasSize(8);
        }
    }

    @Test
    void recordThatChangesBackIsPublishedEachTime() {
        StoryclmWorld.Session s = world.start(17, USER, t0, 3);
        pipeline = start(null);
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            events.awaitCount(1, WAIT);
            world.setVisit(s.id, 1, 0);
            events.awaitCount(2, WAIT);
            awaitPolls(2);

            world.setVisit(s.id, 0, 0);

            List<SessionEvent> all = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(all).extracting(e -> e.type().type(), e -> e.data().attributes().get("visit")).containsExactly(
                    tuple("sessionflow.session.started", false),
                    tuple("sessionflow.session.updated", true),
                    tuple("sessionflow.session.updated", false));
        }
    }

    private Pipeline start(Topics existing) {
        Map<String, String> settings = Map.of(
                "sessionflow.storyclm.url", vendor.url(),
                "sessionflow.storyclm.token", TOKEN,
                "sessionflow.storyclm.poll-interval", "200ms");
        return existing == null ? Pipeline.start(settings) : Pipeline.startOn(existing, settings, Clock.systemUTC());
    }

    private void awaitPolls(int polls) {
        int before = vendor.requestCount();
        await(() -> vendor.requestCount() >= before + polls, polls + " more polls");
    }

    private static void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
