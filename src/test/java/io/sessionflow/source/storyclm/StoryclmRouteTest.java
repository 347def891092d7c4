package io.sessionflow.source.storyclm;

import static io.sessionflow.testing.EventAssertions.header;
import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.Topics;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** StoryCLM end to end: simulated command bridge over real HTTP, the YAML routes, camel-kafka, a real broker. */
class StoryclmRouteTest {
    private static final String TOKEN = "storyclm-route-token";
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

    private Pipeline startPipeline() {
        return Pipeline.start(settings());
    }

    /** On the topics of an earlier run, as a restart would: its state is restored from them. */
    private Pipeline startPipeline(Topics existing) {
        return Pipeline.startOn(existing, settings(), Clock.systemUTC());
    }

    private Map<String, String> settings() {
        return Map.of(
                "sessionflow.storyclm.url", vendor.url(),
                "sessionflow.storyclm.token", TOKEN,
                "sessionflow.storyclm.poll-interval", "200ms");
    }

    @Test
    void publishesTransitionsOnceAndDeletesWhatLeavesTheList() {
        StoryclmWorld.Session done = world.start(17, USER, t0, 3);
        world.showSlide(done.id);
        world.finish(done.id, t0.plusSeconds(3));
        StoryclmWorld.Session running = world.start(21, USER, t0.plusSeconds(120), -5);
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
            List<SessionEvent> first = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(first)
                    .extracting(
                            e -> e.subject(),
                            e -> e.type().type(),
                            e -> e.data().inferred(),
                            SessionEvent::time)
                    .containsExactlyInAnyOrder(
                            tuple(done.id, "sessionflow.session.started", true, t0),
                            tuple(done.id, "sessionflow.session.ended", false, t0.plusSeconds(3)),
                            tuple(running.id, "sessionflow.session.started", false, t0.plusSeconds(120)));
            SessionEvent ended = first.stream()
                    .filter(e -> e.type().type().endsWith("ended"))
                    .findFirst()
                    .orElseThrow();
            assertThat(ended.data().durationSeconds()).isEqualTo(3);
            assertThat(ended.data().attributes()).containsEntry("slides", 1);
            assertThat(ended.data().parent().id()).isEqualTo("17");
            assertThat(ended.data().location().longitude()).isEqualTo(37.617633);

            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("unchanged sessions publish nothing").hasSize(3);

            world.setVisit(done.id, 1, 1);
            world.finish(running.id, t0.plusSeconds(400));
            List<SessionEvent> changed = EventAssertions.events(events.awaitCount(5, WAIT)).subList(3, 5);
            assertThat(changed).extracting(e -> e.subject(), e -> e.type().type())
                    .containsExactlyInAnyOrder(tuple(done.id, "sessionflow.session.updated"),
                            tuple(running.id, "sessionflow.session.ended"));
            assertThat(changed).filteredOn(e -> e.subject().equals(done.id)).singleElement()
                    .satisfies(e -> assertThat(e.data().attributes()).containsEntry("visit", true)
                            .containsEntry("confirmed", true));

            world.delete(done.id);
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(6, WAIT));
            assertThat(all.get(5)).extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(done.id, "sessionflow.session.deleted");
            assertThat(vendor.commands())
                    .as("absence confirmed before the delete")
                    .contains("getsessionbyid " + done.id);
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("deleted once").hasSize(6);
            assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void errorEnvelopePublishesNothingAndALaterPollRecovers() {
        StoryclmWorld.Session s = world.start(17, USER, t0, 3);
        world.outage(new StoryclmWorld.Outage(500, "internal error", "database unavailable"));
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            await("three polls answered with an error envelope").atMost(WAIT).until(() -> vendor.requestCount() >= 3);
            // every poll fails while the outage lasts: nothing can have been published, not even in flight
            assertThat(events.readToEnd()).as("an error envelope is no data").isEmpty();
            assertThat(raw.readToEnd()).as("a failed poll publishes nothing at all").isEmpty();

            world.outage(null);
            List<SessionEvent> published = EventAssertions.events(events.awaitCount(1, WAIT));
            assertThat(published).extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(tuple(s.id, "sessionflow.session.started"));
        }
    }

    @Test
    void unmappableRecordGoesToDeadLetterTopicWhileTheRestIsPublished() {
        StoryclmWorld.Session good = world.start(17, USER, t0, 3);
        StoryclmWorld.Session bad = world.start(17, USER, t0.plusSeconds(60), 3);
        world.corrupt(bad.id);
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader dlq = pipeline.read(pipeline.topics().dlq());
             CommittedPolls polls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
            List<SessionEvent> published = EventAssertions.events(events.awaitCount(1, WAIT));
            assertThat(published).extracting(SessionEvent::subject).containsExactly(good.id);

            ConsumerRecord<String, byte[]> dead = dlq.awaitCount(1, WAIT).get(0);
            JsonNode letter = readJson(dead.value());
            assertThat(letter.get("system").asText()).isEqualTo("storyclm");
            assertThat(letter.get("endpoint").asText()).isEqualTo("POST getsessions");
            assertThat(letter.get("reason").asText())
                    .isEqualTo("StoryCLM session " + bad.id + ": 'start' last tuesday is not a local date-time");
            assertThat(letter.get("raw").asText()).contains(bad.id).doesNotContain(good.id);
            assertThat(header(dead, "sessionflow-reason")).contains("last tuesday");

            world.corrupt(good.id);
            dlq.awaitUntil(
                    seen -> seen.stream()
                            .anyMatch(
                                    r -> readJson(r.value()).get("raw").asText().contains(good.id)),
                    WAIT);
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd())
                    .as("a known session that turns unreadable is not taken for deleted").hasSize(1);
        }
    }

    @Test
    void sameVendorStateGivesSameEventIdsAfterARestart() {
        StoryclmWorld.Session s = world.start(17, USER, t0, 3);
        world.finish(s.id, t0.plusSeconds(30));
        List<String> firstRun;
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            firstRun = EventAssertions.events(events.awaitCount(2, WAIT)).stream().map(SessionEvent::id).toList();
        }
        pipeline.close();
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            assertThat(EventAssertions.events(events.awaitCount(2, WAIT))).extracting(SessionEvent::id)
                    .containsExactlyElementsOf(firstRun);
        }
    }

    // the poller skips unchanged records (not mapped, not diffed); through the route this must look exactly as
    // before: after a restart (tracker restored, record memory empty) only what changed in between is published,
    // and a record that changes back is published again
    @Test
    void restartWithRestoredStatePublishesOnlyWhatChanged() {
        StoryclmWorld.Session done = world.start(17, USER, t0, 3);
        world.finish(done.id, t0.plusSeconds(3));
        StoryclmWorld.Session running = world.start(21, USER, t0.plusSeconds(120), 3);
        StoryclmWorld.Session leaving = world.start(22, USER, t0.plusSeconds(180), 3);
        StoryclmWorld.Session quiet = world.start(23, USER, t0.plusSeconds(240), 3);
        pipeline = startPipeline();
        Topics topics = pipeline.topics();
        try (TopicReader events = pipeline.read(topics.events());
             CommittedPolls polls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
            events.awaitCount(5, WAIT);
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("unchanged polls publish nothing").hasSize(5);
        }
        pipeline.close();
        pipeline = null;

        world.setVisit(done.id, 1, 1);
        world.finish(running.id, t0.plusSeconds(400));
        world.delete(leaving.id);
        pipeline = startPipeline(topics);

        try (TopicReader events = pipeline.read(topics.events());
             CommittedPolls polls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
            List<SessionEvent> after = EventAssertions.events(events.awaitCount(8, WAIT)).subList(5, 8);
            assertThat(after).extracting(SessionEvent::subject, e -> e.type().type()).containsExactlyInAnyOrder(
                    tuple(done.id, "sessionflow.session.updated"),
                    tuple(running.id, "sessionflow.session.ended"),
                    tuple(leaving.id, "sessionflow.session.deleted"));
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd())
                    .as("nothing more, and nothing about %s, which never changed", quiet.id).hasSize(8);
        }
    }

    @Test
    void recordThatChangesBackIsPublishedEachTime() {
        StoryclmWorld.Session s = world.start(17, USER, t0, 3);
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, StoryclmModule.SYSTEM)) {
            events.awaitCount(1, WAIT);
            world.setVisit(s.id, 1, 0);
            events.awaitCount(2, WAIT);
            // polls of the changed record committed, so the poller remembers it as the record behind the state
            polls.awaitQuiet(WAIT);

            world.setVisit(s.id, 0, 0);

            List<SessionEvent> all = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(all).extracting(e -> e.type().type(), e -> e.data().attributes().get("visit")).containsExactly(
                    tuple("sessionflow.session.started", false),
                    tuple("sessionflow.session.updated", true),
                    tuple("sessionflow.session.updated", false));
        }
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
