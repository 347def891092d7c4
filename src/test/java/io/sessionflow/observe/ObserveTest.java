package io.sessionflow.observe;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.demo.SimulatedHttpServer.Fault;
import io.sessionflow.source.ispring.IspringSimulator;
import io.sessionflow.source.ispring.IspringWorld;
import io.sessionflow.source.seeit.SeeitModule;
import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
import io.sessionflow.source.tradernet.TradernetSimulator;
import io.sessionflow.source.tradernet.TradernetWorld;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.ObservePort;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * Issue 14 item 6: Tradernet's login and feed failures happen in its feed thread, outside any route. They count
     * as failed polls; the expiry checks that keep running meanwhile hear nothing from the vendor and count as no
     * poll at all (before, each one was a successful poll, so a source that could not even log in was ready).
     */
    @Test
    void aPushSourceThatCannotReachItsVendorIsNotReadyWhileItsExpiryChecksRun() {
        TradernetWorld world = new TradernetWorld(Clock.systemUTC(), ZoneOffset.UTC);
        world.open("observe@example.org", "SMS", Instant.now().minusSeconds(60), Duration.ofHours(1), "192.0.2.7");
        ObservePort observe = ObservePort.free();
        try (TradernetSimulator vendor = new TradernetSimulator(world, "observe@example.org", "observe-password")) {
            vendor.failAccount("Account blocked");
            try (Pipeline pipeline = Pipeline.start(Map.of(
                    "sessionflow.tradernet.api-url", vendor.apiUrl(),
                    "sessionflow.tradernet.ws-url", vendor.webSocketUrl(),
                    "sessionflow.tradernet.login", "observe@example.org",
                    "sessionflow.tradernet.password", "observe-password",
                    "sessionflow.tradernet.expiry-check-interval", "100ms",
                    "sessionflow.tradernet.reconnect-initial-delay", "200ms",
                    "sessionflow.tradernet.reconnect-max-delay", "500ms",
                    "sessionflow.privacy.ip-hash-key", "observe-ip-key",
                    "sessionflow.observe.port", String.valueOf(observe.port())));
                 TopicReader events = pipeline.read(pipeline.topics().events())) {
                await().atMost(WAIT).until(() -> count(observe.get("/observe/metrics").body(),
                        "sessionflow_polls_total{account=\"default\",outcome=\"failure\",system=\"tradernet\"}") >= 2);
                // the expiry check keeps running: every one of these would have counted as a successful poll
                double checks = expiryChecks(observe);
                await().atMost(WAIT).until(() -> expiryChecks(observe) >= checks + 5);
                var ready = observe.get("/observe/health/ready?data=true");
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body()).contains("source-tradernet").contains("last.error")
                        .contains("Tradernet getSecuritySessions failed: Account blocked");
                // served from 0 since the account started (main's per-account series): still 0
                assertThat(count(observe.get("/observe/metrics").body(),
                        "sessionflow_polls_total{account=\"default\",outcome=\"success\",system=\"tradernet\"}"))
                        .isZero();

                // the vendor answers again: the snapshot after the next reconnect is committed, the source is ready
                vendor.failAccount(null);
                events.awaitCount(1, WAIT);
                await().atMost(WAIT).untilAsserted(() ->
                        assertThat(observe.get("/observe/health/ready").statusCode()).isEqualTo(200));
                assertThat(count(observe.get("/observe/metrics").body(),
                        "sessionflow_polls_total{account=\"default\",outcome=\"success\",system=\"tradernet\"}"))
                        .isPositive();
            }
        }
    }

    /**
     * Issue 14 item 6: iSpring reads each training on its own, and one failing training leaves the others published.
     * When every training fails, nothing was read: the poll is a failure (before, an empty batch was committed and
     * counted as a success). One failing training of two is a partial poll: ready, and health says what failed.
     */
    @Test
    void aPollInWhichEveryTrainingFailedIsAFailureAndOneOfTwoIsPartial() {
        String trainingA = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
        String trainingB = "c0ffee00-2d14-11ed-b56c-0242c0a87043";
        IspringWorld world = new IspringWorld();
        world.schedule(trainingA, "Onboarding", OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), 1800, null);
        world.schedule(trainingB, "Sales kickoff", OffsetDateTime.parse("2026-11-20T12:00:00+03:00"), 1800, null);
        world.fault(trainingA, "Database is down");
        world.fault(trainingB, "Database is down");
        ObservePort observe = ObservePort.free();
        try (IspringSimulator vendor = new IspringSimulator(world, "observe-token");
             Pipeline pipeline = Pipeline.start(Map.of(
                     "sessionflow.ispring.url", vendor.url(),
                     "sessionflow.ispring.token", "observe-token",
                     "sessionflow.ispring.training-ids", trainingA + ", " + trainingB,
                     "sessionflow.ispring.poll-interval", "200ms",
                     "sessionflow.http.retries", "0",
                     "sessionflow.http.breaker-failures", "1000",
                     "sessionflow.observe.port", String.valueOf(observe.port())));
             TopicReader events = pipeline.read(pipeline.topics().events())) {
            await().atMost(WAIT).until(() -> count(observe.get("/observe/metrics").body(),
                    "sessionflow_polls_total{account=\"default\",outcome=\"failure\",system=\"ispring\"}") >= 3);
            var ready = observe.get("/observe/health/ready?data=true");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("source-ispring").contains("every iSpring training failed (2)")
                    .contains("Database is down");
            String metrics = observe.get("/observe/metrics").body();
            String polls = "sessionflow_polls_total{account=\"default\",outcome=\"%s\",system=\"ispring\"}";
            assertThat(count(metrics, polls.formatted("success"))).isZero();
            assertThat(count(metrics, polls.formatted("partial"))).isZero();

            // one training answers again: its session is published, the poll is partial, the source ready
            world.fault(trainingA, null);
            events.awaitCount(1, WAIT);
            await().atMost(WAIT).untilAsserted(() -> {
                var partial = observe.get("/observe/health/ready?data=true");
                assertThat(partial.statusCode()).isEqualTo(200);
                assertThat(partial.body()).contains("last.partial.failure").contains("Database is down");
                assertThat(count(observe.get("/observe/metrics").body(),
                        "sessionflow_polls_total{account=\"default\",outcome=\"partial\",system=\"ispring\"}"))
                        .isPositive();
            });
        }
    }

    /**
     * Issue 14 item 6: a record that stays unmappable is dead-lettered once (de-duplication drops it on every later
     * poll), so the dead-letter metric says 1 however many polls list it (before, it counted the record on every poll).
     */
    @Test
    void theDeadLetterMetricCountsOnlyTheDeadLettersCommitted() {
        SeeitWorld world = new SeeitWorld();
        world.create("tech@example.org", Instant.now().minusSeconds(60));
        world.corrupt(world.create("tech@example.org", Instant.now().minusSeconds(30)).uuid);
        ObservePort observe = ObservePort.free();
        try (SeeitSimulator vendor = new SeeitSimulator(world, "observe-token");
             Pipeline pipeline = Pipeline.start(Map.of(
                     "sessionflow.seeit.base-url", vendor.baseUrl(),
                     "sessionflow.seeit.token", "observe-token",
                     "sessionflow.seeit.poll-interval", "200ms",
                     "sessionflow.observe.port", String.valueOf(observe.port())));
             TopicReader dlq = pipeline.read(pipeline.topics().dlq());
             CommittedPolls polls = new CommittedPolls(pipeline, SeeitModule.SYSTEM)) {
            dlq.awaitCount(1, WAIT);
            polls.await(5, WAIT);
            assertThat(dlq.readToEnd()).hasSize(1);
            assertThat(observe.get("/observe/metrics").body())
                    .contains("sessionflow_dead_letters_total{account=\"default\",system=\"seeit\"} 1.0");
        }
    }

    /** The value of one sample line of the Prometheus text, 0 when absent. */
    private static double count(String metrics, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** Exchanges completed by Tradernet's expiry-check route (Camel's own route metrics). */
    private static double expiryChecks(ObservePort observe) {
        Matcher m = Pattern.compile("^camel_exchanges_total\\{[^}]*routeId=\"tradernet-expiry-check\"[^}]*\\} (\\S+)$",
                Pattern.MULTILINE).matcher(observe.get("/observe/metrics").body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
