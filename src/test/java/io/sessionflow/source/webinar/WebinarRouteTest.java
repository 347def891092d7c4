package io.sessionflow.source.webinar;

import static io.sessionflow.testing.EventAssertions.header;
import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** webinar.ru end to end: simulated vendor over real HTTP, the YAML routes, camel-kafka, a real broker. */
class WebinarRouteTest {
    private static final String TOKEN = "route-test-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final WebinarWorld.User YURI = new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru");
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final WebinarWorld world = new WebinarWorld();
    private WebinarSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new WebinarSimulator(world, TOKEN);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    private Pipeline startPipeline() {
        return Pipeline.start(Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "200ms",
                "sessionflow.webinar.window-past", "3650d",
                "sessionflow.webinar.page-size", "10"));
    }

    @Test
    void publishesTransitionsOnceAndOnlyTransitions() {
        WebinarWorld.Session planned = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        world.join(live.id, YURI, t0.plusSeconds(660));
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            List<SessionEvent> first = EventAssertions.events(events.awaitCount(4, WAIT));
            assertThat(first)
                    .extracting(
                            e -> e.subject(),
                            e -> e.type().type(),
                            e -> e.data().inferred(),
                            e -> e.time())
                    .containsExactlyInAnyOrder(
                            tuple(planned.id, "sessionflow.session.scheduled", false, t0),
                            tuple(live.id, "sessionflow.session.scheduled", true, t0),
                            tuple(live.id, "sessionflow.session.started", false, t0.plusSeconds(600)),
                            tuple(live.id, "sessionflow.participant.joined", false, t0.plusSeconds(660)));
            assertThat(first.stream().filter(e -> e.subject().equals(live.id)).map(e -> e.type().type()))
                    .as("per-session order").containsExactly("sessionflow.session.scheduled",
                            "sessionflow.session.started", "sessionflow.participant.joined");
            SessionEvent joined = first.stream()
                    .filter(e -> e.type().type().endsWith("joined"))
                    .findFirst()
                    .orElseThrow();
            assertThat(joined.data().participant().name()).isEqualTo("Юрий Барсуклв");
            assertThat(joined.data().participant().role()).isEqualTo("GUEST");
            assertThat(joined.source()).isEqualTo("sessionflow/webinar/1");
            assertThat(joined.data().parent().id()).isEqualTo(live.eventId);

            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("unchanged sessions publish nothing").hasSize(4);

            world.stop(live.id, t0.plusSeconds(4200));
            world.delete(planned.id);
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(7, WAIT));
            assertThat(all.subList(4, 7)).extracting(e -> e.subject(), e -> e.type().type())
                    .containsExactlyInAnyOrder(
                            tuple(live.id, "sessionflow.participant.left"),
                            tuple(live.id, "sessionflow.session.ended"),
                            tuple(planned.id, "sessionflow.session.deleted"));
            SessionEvent ended = all.stream().filter(e -> e.type().type().endsWith("ended")).findFirst().orElseThrow();
            assertThat(ended.data().durationSeconds()).isEqualTo(3600);
            assertThat(ended.time()).isEqualTo(t0.plusSeconds(4200));
            assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("each once").hasSize(7);
        }
    }

    /** Times written in the event's local time without an offset, connection times too, keep their instants. */
    @Test
    void localTimesWithoutOffsetAreReadInTheEventsZoneConnectionTimesToo() {
        vendor.writeLocalTimes();
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        world.join(live.id, YURI, t0.plusSeconds(660));
        world.leave(live.id, YURI.id(), t0.plusSeconds(900));
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            assertThat(EventAssertions.events(events.awaitCount(4, WAIT)))
                    .extracting(e -> e.type().type(), SessionEvent::time).containsExactly(
                            tuple("sessionflow.session.scheduled", t0),
                            tuple("sessionflow.session.started", t0.plusSeconds(600)),
                            tuple("sessionflow.participant.joined", t0.plusSeconds(660)),
                            tuple("sessionflow.participant.left", t0.plusSeconds(900)));
        }
    }

    @Test
    void unmappableRecordGoesToDeadLetterTopicWhileTheRestIsPublished() {
        WebinarWorld.Session good = world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        WebinarWorld.Session bad = world.schedule("Broken", t0, t0.plusSeconds(3600));
        world.corrupt(bad.id);
        Instant started = Instant.now();
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader dlq = pipeline.read(pipeline.topics().dlq());
             TopicReader raw = pipeline.read(pipeline.topics().raw());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            List<SessionEvent> published = EventAssertions.events(events.awaitCount(1, WAIT));
            assertThat(published).extracting(SessionEvent::subject).containsExactly(good.id);

            ConsumerRecord<String, byte[]> dead = dlq.awaitCount(1, WAIT).get(0);
            JsonNode letter = readJson(dead.value());
            assertThat(letter.get("system").asText()).isEqualTo("webinar");
            assertThat(letter.get("endpoint").asText()).isEqualTo("GET /eventsessions/" + bad.id);
            assertThat(letter.get("reason").asText())
                    .isEqualTo("webinar.ru event session " + bad.id
                            + " field 'startsAt': unreadable webinar.ru time 'yesterday-ish'");
            assertThat(letter.get("raw").asText()).contains("\"status\":\"EXPLODED\"").contains("yesterday-ish");
            assertThat(header(dead, "sessionflow-reason")).contains("yesterday-ish");

            List<ConsumerRecord<String, byte[]>> raws = raw.awaitCount(3, WAIT);
            assertThat(raws).extracting(r -> header(r, "sessionflow-endpoint"))
                    .contains("GET /eventsessions/" + good.id, "GET /eventsessions/" + bad.id);
            assertThat(raws).allSatisfy(r -> {
                assertThat(header(r, "sessionflow-system")).isEqualTo("webinar");
                assertThat(Instant.parse(header(r, "sessionflow-fetched-at"))).isBetween(started, Instant.now());
            });
            assertThat(raws).extracting(r -> header(r, "x-auth-token")).containsOnlyNulls();

            polls.awaitQuiet(WAIT);
            assertThat(dlq.readToEnd()).as("a record that stays bad is dead-lettered once").hasSize(1);
        }
        io.sessionflow.kafka.Topics topics = pipeline.topics();
        pipeline.close();
        pipeline = Pipeline.startOn(topics, Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "200ms",
                "sessionflow.webinar.window-past", "3650d"), java.time.Clock.systemUTC());
        try (TopicReader dlq = pipeline.read(topics.dlq());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            polls.awaitQuiet(WAIT);
            assertThat(dlq.readToEnd()).as("and not again after a restart").hasSize(1);
        }
    }

    @Test
    void restartRestoresStateAndPublishesOnlyWhatChangedWhileDown() {
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        WebinarWorld.Session planned = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        pipeline = startPipeline();
        io.sessionflow.kafka.Topics topics = pipeline.topics();
        try (TopicReader events = pipeline.read(topics.events())) {
            events.awaitCount(3, WAIT);
        }
        pipeline.close();

        world.join(live.id, YURI, t0.plusSeconds(700));
        world.stop(live.id, t0.plusSeconds(800));
        pipeline = Pipeline.startOn(topics, Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "200ms",
                "sessionflow.webinar.window-past", "3650d"), java.time.Clock.systemUTC());
        try (TopicReader events = pipeline.read(topics.events());
             CommittedPolls polls = new CommittedPolls(pipeline, WebinarModule.SYSTEM)) {
            events.awaitCount(6, WAIT);
            polls.awaitQuiet(WAIT);
            List<SessionEvent> all = EventAssertions.events(events.readToEnd());
            assertThat(all.subList(3, all.size())).as("only the transitions made while the pipeline was down")
                    .extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(
                            tuple(live.id, "sessionflow.participant.joined"),
                            tuple(live.id, "sessionflow.participant.left"),
                            tuple(live.id, "sessionflow.session.ended"));
            assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
            assertThat(all).extracting(SessionEvent::subject).contains(planned.id);
        }
    }

    @Test
    void sameVendorStateGivesSameEventIdsAfterARestart() {
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        List<String> firstRun;
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            firstRun = EventAssertions.events(events.awaitCount(2, WAIT)).stream().map(SessionEvent::id).toList();
        }
        pipeline.close();
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            List<String> secondRun = EventAssertions.events(events.awaitCount(2, WAIT)).stream()
                    .map(SessionEvent::id).toList();
            assertThat(secondRun).containsExactlyElementsOf(firstRun);
        }
    }

    @Test
    void aRejectedTokenIsReportedClearlyAndNeverLogged() {
        String canary = "canary-token-7f3a9c";
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        try (LogCapture logs = new LogCapture()) {
            pipeline = Pipeline.start(Map.of(
                    "sessionflow.webinar.base-url", vendor.baseUrl(),
                    "sessionflow.webinar.token", canary,
                    "sessionflow.webinar.poll-interval", "200ms"));
            await("a clear 401 log line").atMost(WAIT)
                    .until(() -> logs.lines().stream().anyMatch(l -> l.contains("answered HTTP 401")));
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(events.readToEnd()).as("every poll fails: nothing can be published").isEmpty();
            }
            assertThat(logs.lines()).filteredOn(l -> l.contains("answered HTTP 401")).first().asString()
                    .contains("webinar-rest-poll failed")
                    .contains("GET /organization/events/schedule")
                    .contains("Invalid token");
            assertThat(logs.lines()).noneMatch(l -> l.contains(canary));
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
