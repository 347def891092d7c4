package io.sessionflow.rederive;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.source.seeit.SeeitSimulator;
import io.sessionflow.source.seeit.SeeitWorld;
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
 * A live Seeit run through the real pipeline while sessions are created, started, joined and finished, and time
 * moves past the look-back window (so open sessions are refreshed by uuid), then re-derivation of its raw topic.
 * The list windows depend on the poll instant and on the last committed poll: re-derivation must reproduce both.
 */
class SeeitRederivationTest {
    private static final String TOKEN = "seeit-rederive-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TECH = "tech.anna@example.org";
    private static final Map<String, String> SEEIT_SETTINGS = Map.of(
            "sessionflow.seeit.token", TOKEN,
            "sessionflow.seeit.poll-interval", "200ms",
            "sessionflow.seeit.page-size", "2",
            "sessionflow.seeit.look-back", "1h");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final SteppingClock clock = new SteppingClock(t0, Duration.ofSeconds(1));
    private final SeeitWorld world = new SeeitWorld();
    private final SeeitSimulator vendor = new SeeitSimulator(world, TOKEN);
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
        SeeitWorld.Session first = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        SeeitWorld.Session second = world.create(TECH, t0.minus(Duration.ofMinutes(9)));
        world.create(TECH, t0.minus(Duration.ofMinutes(8)));
        world.start(first.uuid, t0.minus(Duration.ofMinutes(5)));
        Map<String, String> settings = new HashMap<>(SEEIT_SETTINGS);
        settings.put("sessionflow.seeit.base-url", vendor.baseUrl());
        pipeline = Pipeline.start(settings, clock);
        List<ConsumerRecord<String, byte[]>> liveRecords;
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.seeit.SeeitModule.SYSTEM)) {
            events.awaitCount(4, WAIT);
            world.join(first.uuid, t0.minus(Duration.ofMinutes(4)));
            world.start(second.uuid, t0.minus(Duration.ofMinutes(3)));
            events.awaitCount(6, WAIT);
            clock.jump(Duration.ofHours(2));
            awaitServed("get " + first.uuid);
            world.finish(first.uuid, t0.plus(Duration.ofMinutes(100)), 1, "fixed");
            world.create(TECH, t0.plus(Duration.ofMinutes(110)));
            events.awaitCount(9, WAIT);
            polls.awaitQuiet(WAIT);
            liveRecords = events.readToEnd();
            assertThat(liveRecords).hasSize(9);
        }
        pipeline.close();
        pipeline = null;
        assertThat(vendor.served()).as("the open sessions left the window and were fetched by uuid")
                .contains("get " + first.uuid, "get " + second.uuid);

        Rederivation.Summary summary = RederivationCheck.rederiveAndCompare(SEEIT_SETTINGS, liveRecords);

        assertThat(summary.polls).isGreaterThan(3);
        assertThat(summary.events).isEqualTo(liveRecords.size());
    }

    private void awaitServed(String request) {
        await("the vendor asked " + request).atMost(WAIT).until(() -> vendor.served().contains(request));
    }
}
