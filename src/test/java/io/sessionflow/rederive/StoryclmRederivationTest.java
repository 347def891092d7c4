package io.sessionflow.rederive;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.storyclm.StoryclmSimulator;
import io.sessionflow.source.storyclm.StoryclmWorld;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live StoryCLM run through the real pipeline while sessions start, change, finish and are deleted (a delete is
 * confirmed by getsessionbyid before it is published), then re-derivation of its raw topic. All commands are
 * POSTed to one URL, so the archive tells them apart by the endpoint name ({@code POST getsessionbyid 42}).
 */
class StoryclmRederivationTest {
    private static final String TOKEN = "storyclm-rederive-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String USER = "Иван Петров";
    private static final Map<String, String> STORYCLM_SETTINGS = Map.of(
            "sessionflow.storyclm.token", TOKEN,
            "sessionflow.storyclm.poll-interval", "200ms");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final StoryclmWorld world = new StoryclmWorld();
    private final StoryclmSimulator vendor = new StoryclmSimulator(world, TOKEN);
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
        StoryclmWorld.Session done = world.start(17, USER, t0, 3);
        world.showSlide(done.id);
        world.finish(done.id, t0.plusSeconds(3));
        StoryclmWorld.Session running = world.start(21, USER, t0.plusSeconds(120), -5);
        Map<String, String> settings = new HashMap<>(STORYCLM_SETTINGS);
        settings.put("sessionflow.storyclm.url", vendor.url());
        pipeline = Pipeline.start(settings);
        List<ConsumerRecord<String, byte[]>> liveRecords;
        try (TopicReader events = pipeline.read(pipeline.topics().events());
                CommittedPolls polls =
                        new CommittedPolls(pipeline, io.sessionflow.source.storyclm.StoryclmModule.SYSTEM)) {
            events.awaitCount(3, WAIT);
            world.setVisit(done.id, 1, 1);
            world.finish(running.id, t0.plusSeconds(400));
            events.awaitCount(5, WAIT);
            world.delete(done.id);
            world.start(17, USER, t0.plusSeconds(600), 3);
            events.awaitCount(7, WAIT);
            polls.awaitQuiet(WAIT);
            liveRecords = events.readToEnd();
            assertThat(liveRecords).hasSize(7);
        }
        pipeline.close();
        pipeline = null;
        assertThat(vendor.commands()).as("the delete was confirmed by id").contains("getsessionbyid " + done.id);

        Rederivation.Summary summary = RederivationCheck.rederiveAndCompare(STORYCLM_SETTINGS, liveRecords);

        assertThat(summary.polls).isGreaterThan(2);
        assertThat(summary.events).isEqualTo(liveRecords.size());
    }
}
