package io.sessionflow.delivery;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.demo.SimulatedHttpServer.Fault;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.source.storyclm.StoryclmModule;
import io.sessionflow.source.storyclm.StoryclmSimulator;
import io.sessionflow.source.storyclm.StoryclmWorld;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One failing vendor never stalls the others: webinar.ru times out and fails while StoryCLM keeps publishing. */
class SourceIsolationTest {
    private static final Duration WAIT = Duration.ofSeconds(45);

    private static void awaitLog(LogCapture logs, String text) {
        await("a log line containing '" + text + "'").atMost(WAIT)
                .until(() -> logs.lines().stream().anyMatch(l -> l.contains(text)));
    }

    @Test
    void aFailingVendorDoesNotStallTheOtherSources() {
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        WebinarWorld webinarWorld = new WebinarWorld();
        webinarWorld.schedule("Never seen", t0, t0.plusSeconds(3600));
        StoryclmWorld storyWorld = new StoryclmWorld();
        try (WebinarSimulator webinar = new WebinarSimulator(webinarWorld, "w-token");
             StoryclmSimulator storyclm = new StoryclmSimulator(storyWorld, "s-token");
             LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 100; i++) {
                webinar.server().inject(i % 2 == 0 ? Fault.slowBody(3000) : Fault.status(503));
            }
            try (Pipeline pipeline = Pipeline.start(Map.of(
                    "sessionflow.webinar.base-url", webinar.baseUrl(),
                    "sessionflow.webinar.token", "w-token",
                    "sessionflow.webinar.poll-interval", "200ms",
                    "sessionflow.storyclm.url", storyclm.url(),
                    "sessionflow.storyclm.token", "s-token",
                    "sessionflow.storyclm.poll-interval", "200ms",
                    "sessionflow.http.timeout", "1s",
                    "sessionflow.http.breaker-failures", "3",
                    "sessionflow.http.breaker-open", "30s"));
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                StoryclmWorld.Session deck = storyWorld.start(17, "test@mail.com", t0, 3);
                EventAssertions.events(events.awaitCount(1, WAIT));
                storyWorld.finish(deck.id, t0.plusSeconds(30));
                List<SessionEvent> published = EventAssertions.events(events.awaitCount(2, WAIT));

                assertThat(published).extracting(SessionEvent::subject, e -> e.type().type()).containsExactly(
                        tuple(deck.id, "sessionflow.session.started"),
                        tuple(deck.id, "sessionflow.session.ended"));
                awaitLog(logs, "webinar-rest-poll failed");
                awaitLog(logs, "webinar circuit breaker is open");
                assertThat(logs.lines()).as("the HTTP client does not retry on its own under our policy")
                        .noneMatch(l -> l.contains("automatically re-executed"));
                int whileOpen = webinar.requestCount();
                try (CommittedPolls storyclmPolls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
                    // StoryCLM polls on the same interval: three of its polls are three webinar.ru timer ticks
                    storyclmPolls.awaitQuiet(WAIT);
                }
                assertThat(webinar.requestCount())
                        .as("no calls to a vendor whose breaker is open")
                        .isEqualTo(whileOpen);
            }
        }
    }
}
