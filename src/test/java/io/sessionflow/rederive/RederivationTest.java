package io.sessionflow.rederive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.cluster.AccountsTopic;
import io.sessionflow.config.Settings;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.Progress;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A live webinar.ru run through the real pipeline and broker, then re-derivation of its sessions.raw: with the
 * mappers unchanged, the new topic must hold the live run's events, ids and bytes, in the same per-session order.
 */
class RederivationTest {
    private static final String TOKEN = "rederive-test-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WebinarWorld.User YURI = new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru");
    private static final Map<String, String> WEBINAR_SETTINGS = Map.of(
            "sessionflow.webinar.token", TOKEN,
            "sessionflow.webinar.poll-interval", "200ms",
            "sessionflow.webinar.window-past", "3650d",
            "sessionflow.webinar.page-size", "10");
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

    @Test
    void rederivingTheRawArchiveReproducesTheLiveEventsAndIds() {
        WebinarWorld.Session planned = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        world.join(live.id, YURI, t0.plusSeconds(660));
        Map<String, String> settings = new java.util.HashMap<>(WEBINAR_SETTINGS);
        settings.put("sessionflow.webinar.base-url", vendor.baseUrl());
        pipeline = Pipeline.start(settings);
        List<ConsumerRecord<String, byte[]>> liveRecords;
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.webinar.WebinarModule.SYSTEM)) {
            events.awaitCount(4, WAIT);
            world.stop(live.id, t0.plusSeconds(4200));
            world.delete(planned.id);
            events.awaitCount(7, WAIT);
            polls.awaitQuiet(WAIT);
            liveRecords = events.readToEnd();
            assertThat(liveRecords).hasSize(7);
        }
        pipeline.close();
        pipeline = null;
        String target = TestEvents.newTopic(3);

        Settings liveSettings = Settings.from(Map.of(), new Properties(), WEBINAR_SETTINGS);
        Rederivation.Summary summary = new Rederivation(SharedKafka.bootstrapServers(),
                account -> AccountsTopic.offline(account, Map.of(), liveSettings))
                .run(rawTopicOf(liveRecords), target, Progress.none());

        assertThat(summary.failedPolls).isZero();
        assertThat(summary.polls).isGreaterThan(2);
        try (TopicReader rederived = new TopicReader(SharedKafka.bootstrapServers(), target)) {
            rederived.awaitCount(liveRecords.size(), WAIT);
            // the re-derivation has returned: everything it wrote is on the topic
            List<ConsumerRecord<String, byte[]>> copy = rederived.readToEnd();
            List<SessionEvent> liveEvents = EventAssertions.events(liveRecords);
            List<SessionEvent> derived = EventAssertions.events(copy);
            assertThat(derived).extracting(SessionEvent::id)
                    .containsExactlyInAnyOrderElementsOf(liveEvents.stream().map(SessionEvent::id).toList())
                    .doesNotHaveDuplicates();
            for (String key : List.of("webinar:" + live.id, "webinar:" + planned.id)) {
                assertThat(valuesOf(copy, key)).as("events of %s, bytes and order", key)
                        .containsExactlyElementsOf(valuesOf(liveRecords, key)).isNotEmpty();
            }
        }
    }

    /**
     * A -> B -> A -> B: three updates with three ids, the second B not taking the first one's. The pipeline is
     * restarted before every change (its memory restored from the state topic), and gives the ids an uninterrupted
     * run gives; re-deriving the restarted run's archive gives them again.
     */
    @Test
    void dataThatComesBackGetsIdsOfItsOwnAcrossRestartsAndRederivation() {
        List<ConsumerRecord<String, byte[]>> restarted = renameABAB(true);
        List<SessionEvent> events = EventAssertions.events(restarted);
        assertThat(events).extracting(e -> e.type().type(), e -> e.data().title()).containsExactly(
                tuple("sessionflow.session.scheduled", "A"), tuple("sessionflow.session.updated", "B"),
                tuple("sessionflow.session.updated", "A"), tuple("sessionflow.session.updated", "B"));
        assertThat(events).extracting(SessionEvent::id).doesNotHaveDuplicates();

        assertThat(EventAssertions.events(renameABAB(false))).extracting(SessionEvent::id).as("without restarts")
                .containsExactlyElementsOf(events.stream().map(SessionEvent::id).toList());
        RederivationCheck.rederiveAndCompare(WEBINAR_SETTINGS, restarted);
    }

    /** Everything a run publishes while one session is renamed A -> B -> A -> B, one committed change at a time. */
    private List<ConsumerRecord<String, byte[]>> renameABAB(boolean restartBeforeEachChange) {
        WebinarWorld abab = new WebinarWorld();
        try (WebinarSimulator server = new WebinarSimulator(abab, TOKEN)) {
            WebinarWorld.Session session = abab.schedule("A", t0, t0.plusSeconds(7200));
            Map<String, String> settings = new java.util.HashMap<>(WEBINAR_SETTINGS);
            settings.put("sessionflow.webinar.base-url", server.baseUrl());
            pipeline = Pipeline.start(settings);
            io.sessionflow.kafka.Topics topics = pipeline.topics();
            try (TopicReader events = pipeline.read(topics.events())) {
                events.awaitCount(1, WAIT);
                List<String> titles = List.of("B", "A", "B");
                for (int i = 0; i < titles.size(); i++) {
                    if (restartBeforeEachChange) {
                        pipeline.close();
                        pipeline = Pipeline.startOn(topics, settings, java.time.Clock.systemUTC());
                    }
                    abab.rename(session.id, titles.get(i), t0.plusSeconds(60L * (i + 1)));
                    events.awaitCount(i + 2, WAIT);
                }
                try (CommittedPolls polls =
                        new CommittedPolls(pipeline, io.sessionflow.source.webinar.WebinarModule.SYSTEM)) {
                    polls.awaitQuiet(WAIT);
                }
                List<ConsumerRecord<String, byte[]>> all = events.readToEnd();
                assertThat(all).as("one event per change, nothing more").hasSize(4);
                return all;
            } finally {
                pipeline.close();
                pipeline = null;
            }
        }
    }

    private String rawTopicOf(List<ConsumerRecord<String, byte[]>> liveRecords) {
        return liveRecords.get(0).topic().replace(".events", ".raw");
    }

    private static List<String> valuesOf(List<ConsumerRecord<String, byte[]>> records, String key) {
        return records.stream().filter(r -> r.key().equals(key))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
