package io.sessionflow.delivery;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.SessionEvent;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.testing.Wait;
import io.sessionflow.verify.EventsTopic;
import io.sessionflow.verify.StreamChecks;
import io.sessionflow.verify.VerifyReport;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing duplicated: the broker and the pipeline each run as a process of their own while the
 * simulated vendor keeps changing; the pipeline is SIGKILLed and restarted, the broker is stopped for 20 s.
 * Every transition of the world must be on the events topic exactly once, in order per session.
 */
class DeliveryGuaranteesTest {
    private static final String TOKEN = "delivery-token";
    private final ChangingWorld world = new ChangingWorld();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final String prefix = "d" + UUID.randomUUID().toString().substring(0, 8);
    private BrokerProcess broker;
    private WebinarSimulator vendor;
    private JavaProcess pipeline;
    private int pipelineStarts;

    @BeforeEach
    void start() {
        broker = new BrokerProcess().start();
        vendor = new WebinarSimulator(world.world, TOKEN);
    }

    @AfterEach
    void stop() {
        ticker.shutdownNow();
        if (pipeline != null && pipeline.isAlive()) {
            pipeline.kill();
        }
        vendor.close();
        broker.close();
    }

    private JavaProcess startPipeline() {
        return JavaProcess.start(prefix + "-pipeline-" + (++pipelineStarts), "io.sessionflow.Sessionflow",
                List.of("run"), Map.of(
                        "SESSIONFLOW_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrap(),
                        "SESSIONFLOW_INSTANCE_ID", prefix,
                        "SESSIONFLOW_TOPICS_EVENTS", prefix + ".events",
                        "SESSIONFLOW_TOPICS_RAW", prefix + ".raw",
                        "SESSIONFLOW_TOPICS_DLQ", prefix + ".dlq",
                        "SESSIONFLOW_TOPICS_STATE", prefix + ".state",
                        "SESSIONFLOW_ROUTES_DIR", Path.of("routes").toAbsolutePath().toString(),
                        "SESSIONFLOW_WEBINAR_BASE_URL", vendor.baseUrl(),
                        "SESSIONFLOW_WEBINAR_TOKEN", TOKEN,
                        "SESSIONFLOW_WEBINAR_POLL_INTERVAL", "300ms"));
    }

    private void keepChanging() {
        ticker.scheduleAtFixedRate(() -> world.tick(Clock.systemUTC().instant()), 0, 250, TimeUnit.MILLISECONDS);
    }

    private List<SessionEvent> events() {
        return EventsTopic.readAll(broker.bootstrap(), prefix + ".events");
    }

    /** Until this pipeline instance has committed events of its own: it is really mid-stream. */
    private void awaitNewCommits() {
        int before = events().size();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .untilAsserted(() -> assertThat(events().size()).as("no commits: " + pipeline.output())
                        .isGreaterThan(before));
    }

    /** Waits until every expected transition is on the topic, then checks the whole stream. */
    private VerifyReport awaitComplete(Duration timeout) {
        try {
            await().atMost(timeout).pollInterval(Duration.ofSeconds(1))
                    .until(() -> StreamChecks.check(events(), world.expected()).missing().isEmpty());
        } catch (ConditionTimeoutException e) {
            // the report below says what is missing
        }
        VerifyReport report = StreamChecks.check(events(), world.expected());
        System.out.print(report.text());
        return report;
    }

    @Test
    void sigkillMidStreamAndRestartsLoseNothingAndDuplicateNothing() {
        keepChanging();
        pipeline = startPipeline();
        java.util.Random random = new java.util.Random(7);
        for (int kill = 0; kill < 3; kill++) {
            awaitNewCommits();
            Wait.pause(Duration.ofMillis(200 + random.nextInt(1500))); // somewhere mid-stream, maybe mid-transaction
            pipeline.kill();
            pipeline = startPipeline();
        }
        awaitNewCommits();
        ticker.shutdownNow();

        VerifyReport report = awaitComplete(Duration.ofSeconds(90));
        assertThat(report.expected()).as("the world changed enough to mean something").isGreaterThan(25);
        assertThat(report.ok()).as(report.text()).isTrue();

        int exit = pipeline.terminate(60);
        assertThat(pipeline.output()).as("exit code %d", exit).contains("stopped cleanly");

        // a restart of an unchanged world publishes nothing
        long before = report.events();
        int requests = vendor.requestCount();
        pipeline = startPipeline();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            assertThat(pipeline.isAlive()).as(pipeline.output()).isTrue();
            return vendor.requestCount() >= requests + 40;
        });
        assertThat(events()).as("events after restarting on an unchanged world").hasSize((int) before);
    }

    @Test
    void aBrokerStoppedFor20SecondsLosesNothingAndDuplicatesNothing() {
        keepChanging();
        pipeline = startPipeline();
        // the pipeline is up and publishing (a commit), not merely a fixed time older: `run` refuses to start
        // against a broker it cannot reach, and on a loaded machine starting took longer than the 6 s once waited
        awaitNewCommits();
        broker.stop();
        Wait.pause(Duration.ofSeconds(20));
        int missedWhileDown = world.expected().size();
        long back = System.nanoTime();
        broker.start();
        Wait.pause(Duration.ofSeconds(2));
        ticker.shutdownNow();

        VerifyReport report = awaitComplete(Duration.ofSeconds(120));
        double recovery = (System.nanoTime() - back) / 1e9;
        System.out.printf("broker outage 20 s: every transition (%d, %d made before the broker returned) on the topic "
                + "%.1f s after the broker was started again%n", report.expected(), missedWhileDown, recovery);
        assertThat(report.ok()).as(report.text()).isTrue();
        assertThat(pipeline.isAlive()).as("the pipeline rode out the outage").isTrue();
    }
}
