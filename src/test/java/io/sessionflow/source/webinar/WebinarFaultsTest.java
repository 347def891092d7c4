package io.sessionflow.source.webinar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.demo.SimulatedHttpServer.Fault;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared fault policy through real HTTP and the real broker: nothing lost, Retry-After honoured. */
class WebinarFaultsTest {
    private static final String TOKEN = "faults-token";
    private static final Duration WAIT = Duration.ofSeconds(45);
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

    private Pipeline start() {
        return Pipeline.start(Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "300ms",
                "sessionflow.webinar.window-past", "3650d",
                "sessionflow.http.timeout", "1s",
                "sessionflow.http.backoff-initial", "100ms"));
    }

    @Test
    void serverErrorsTimeoutsAndSlowBodiesAreRetriedAndNothingIsLost() {
        WebinarWorld.Session a = world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        WebinarWorld.Session b = world.schedule("Sales kickoff", t0, t0.plusSeconds(3600));
        vendor.server().inject(Fault.status(500), Fault.status(503), Fault.slowBody(2500), Fault.status(502));
        pipeline = start();
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            List<SessionEvent> published = EventAssertions.events(events.awaitCount(2, WAIT));
            world.start(b.id, t0.plusSeconds(3600));
            vendor.server().inject(Fault.status(500));
            events.awaitCount(3, WAIT);
            polls.awaitQuiet(WAIT);
            published = EventAssertions.events(events.readToEnd());
            assertThat(published).extracting(SessionEvent::subject, e -> e.type().type()).containsExactlyInAnyOrder(
                    tuple(a.id, "sessionflow.session.scheduled"),
                    tuple(b.id, "sessionflow.session.scheduled"),
                    tuple(b.id, "sessionflow.session.started"));
        }
    }

    @Test
    void noRequestReachesTheVendorBeforeItsRetryAfterTime() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        vendor.server().inject(Fault.tooManyRequests("2"));
        pipeline = start();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            events.awaitCount(1, WAIT);
        }
        List<Instant> times = vendor.server().requestTimes();
        assertThat(times).hasSizeGreaterThan(1);
        Instant throttled = times.get(0);
        assertThat(times.get(1)).as("the first request after the 429").isAfterOrEqualTo(throttled.plusSeconds(2));
    }
}
