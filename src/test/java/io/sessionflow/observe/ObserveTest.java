package io.sessionflow.observe;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.demo.SimulatedHttpServer.Fault;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.ObservePort;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /observe/health, /observe/health/ready and /observe/metrics of the real pipeline, over HTTP. */
class ObserveTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void healthAndMetricsFollowThePolls() {
        WebinarWorld world = new WebinarWorld();
        world.schedule("Quarterly results", t0, t0.plusSeconds(3600));
        ObservePort observe = ObservePort.free();
        try (WebinarSimulator vendor = new WebinarSimulator(world, "observe-token");
             Pipeline pipeline = Pipeline.start(Map.of(
                     "sessionflow.webinar.base-url", vendor.baseUrl(),
                     "sessionflow.webinar.token", "observe-token",
                     "sessionflow.webinar.poll-interval", "300ms",
                     "sessionflow.webinar.window-past", "3650d",
                     "sessionflow.http.retries", "0",
                     "sessionflow.observe.port", String.valueOf(observe.port())));
             TopicReader events = pipeline.read(pipeline.topics().events())) {
            events.awaitCount(1, WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                String ready = observe.get("/observe/health/ready?data=true").body();
                assertThat(ready).contains("source-webinar").contains("last.success").doesNotContain("never");
                assertThat(observe.get("/observe/health/ready").statusCode()).isEqualTo(200);
            });
            String health = observe.get("/observe/health?data=true").body();
            assertThat(health).contains("\"kafka\"").contains("cluster.id");
            // issue 18: the liveness the compose healthcheck asks for checks Kafka, as the README says
            String live = observe.get("/observe/health/live?data=true").body();
            assertThat(live).contains("\"kafka\"").contains("cluster.id").doesNotContain("source-webinar");

            String metrics = observe.get("/observe/metrics").body();
            assertThat(metrics)
                    .contains("sessionflow_events_published_total{account=\"default\",system=\"webinar\","
                            + "type=\"sessionflow.session.scheduled\"} 1.0")
                    .contains("sessionflow_polls_total{account=\"default\",outcome=\"success\",system=\"webinar\"}")
                    .contains("sessionflow_vendor_fetch_seconds_count{account=\"default\",outcome=\"success\","
                            + "system=\"webinar\"}")
                    .contains("sessionflow_tracked_sessions{account=\"default\",system=\"webinar\"} 1.0")
                    .contains("sessionflow_circuit_breaker_state{account=\"default\",system=\"webinar\"} 0.0");

            // the vendor starts refusing: the source is not ready, and health says why
            for (int i = 0; i < 200; i++) {
                vendor.server().inject(Fault.status(503));
            }
            await().atMost(WAIT).untilAsserted(() -> {
                var ready = observe.get("/observe/health/ready?data=true");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("last.error").contains("answered HTTP 503");
            });
            assertThat(observe.get("/observe/health/live").statusCode())
                    .as("a failing vendor is not death")
                    .isEqualTo(200);
            String failing = observe.get("/observe/metrics").body();
            assertThat(failing)
                    .contains("sessionflow_polls_total{account=\"default\",outcome=\"failure\",system=\"webinar\"}")
                    .contains("sessionflow_vendor_fetch_seconds_count{account=\"default\",outcome=\"failure\","
                            + "system=\"webinar\"}");
        }
    }
}
