package io.sessionflow.rederive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.ispring.IspringNamespaces;
import io.sessionflow.source.ispring.IspringSimulator;
import io.sessionflow.source.ispring.IspringWorld;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live iSpring run (SOAP through camel-cxf) through the real pipeline while sessions are scheduled, rescheduled,
 * deleted and pass their start and end, while one training answers with a SOAP Fault for a while and answers
 * come in the document's {@code .com} namespace, then re-derivation of its raw topic from the archived answers.
 */
class IspringRederivationTest {
    private static final String TOKEN = "ispring-rederive-token";
    private static final String TRAINING_A = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
    private static final String TRAINING_B = "c0ffee00-2d14-11ed-b56c-0242c0a87043";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> ISPRING_SETTINGS = Map.of(
            "sessionflow.ispring.token", TOKEN,
            "sessionflow.ispring.training-ids", TRAINING_A + ", " + TRAINING_B,
            "sessionflow.ispring.poll-interval", "200ms");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final SteppingClock clock = new SteppingClock(t0, Duration.ofSeconds(1));
    private final IspringWorld world = new IspringWorld();
    private final IspringSimulator vendor = new IspringSimulator(world, TOKEN);
    private Pipeline pipeline;

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    @Test
    void rederivingTheRawArchiveReproducesTheLiveEventsAndIds() {
        IspringWorld.Session moscow = world.schedule(TRAINING_A, "Onboarding",
                at(t0.plusSeconds(3600), "+03:00"), 1800, "Олег Смирнов");
        IspringWorld.Session denver = world.schedule(TRAINING_B, "Sales kickoff",
                at(t0.plusSeconds(7200), "-07:00"), 3600, null);
        Map<String, String> settings = new HashMap<>(ISPRING_SETTINGS);
        settings.put("sessionflow.ispring.url", vendor.url());
        pipeline = Pipeline.start(settings, clock);
        List<ConsumerRecord<String, byte[]>> liveRecords;
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.ispring.IspringModule.SYSTEM)) {
            events.awaitCount(2, WAIT);
            world.fault(TRAINING_A, "Permission denied");
            world.reschedule(moscow.id(), at(t0.plusSeconds(5400), "+03:00"));
            world.delete(denver.id());
            events.awaitCount(3, WAIT);
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("training A is not read while it faults").hasSize(3);

            world.fault(TRAINING_A, null);
            world.answerInNamespace(IspringNamespaces.DOCUMENT_RESPONSE);
            events.awaitCount(4, WAIT);
            clock.jump(Duration.ofMinutes(90));
            events.awaitCount(5, WAIT);
            clock.jump(Duration.ofMinutes(60));
            events.awaitCount(6, WAIT);
            polls.awaitQuiet(WAIT);
            liveRecords = events.readToEnd();
            assertThat(liveRecords).hasSize(6);
        }
        pipeline.close();
        pipeline = null;

        Rederivation.Summary summary = RederivationCheck.rederiveAndCompare(ISPRING_SETTINGS, liveRecords);

        assertThat(summary.polls).isGreaterThan(4);
        assertThat(summary.events).isEqualTo(liveRecords.size());
    }

    private static OffsetDateTime at(Instant instant, String offset) {
        return instant.atOffset(ZoneOffset.of(offset));
    }
}
