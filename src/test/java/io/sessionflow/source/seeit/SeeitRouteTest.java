package io.sessionflow.source.seeit;

import static io.sessionflow.testing.EventAssertions.header;
import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.MutableClock;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GoToAssist Seeit end to end: simulated vendor over real HTTP, the YAML routes, camel-kafka, a real broker. */
class SeeitRouteTest {
    private static final String TOKEN = "seeit-route-token";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TECH = "tech.anna@example.org";
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final SeeitWorld world = new SeeitWorld();
    private SeeitSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new SeeitSimulator(world, TOKEN);
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
                "sessionflow.seeit.base-url", vendor.baseUrl(),
                "sessionflow.seeit.token", TOKEN,
                "sessionflow.seeit.poll-interval", "200ms",
                "sessionflow.seeit.page-size", "4",
                "sessionflow.seeit.look-back", "1h"), clock);
    }

    @Test
    void readsEveryPageAndPublishesEachTransitionOnce() {
        List<SeeitWorld.Session> s = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            s.add(world.create(TECH, t0.minus(Duration.ofMinutes(50 - i))));
        }
        world.start(s.get(1).uuid, t0.minus(Duration.ofMinutes(30)));
        world.join(s.get(1).uuid, t0.minus(Duration.ofMinutes(29)));
        world.start(s.get(2).uuid, t0.minus(Duration.ofMinutes(28)));
        world.finish(s.get(2).uuid, t0.minus(Duration.ofMinutes(20)), 0, "done");
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.seeit.SeeitModule.SYSTEM)) {
            List<SessionEvent> first = EventAssertions.events(events.awaitCount(14, WAIT));
            List<Tuple> expected = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                expected.add(
                        tuple(s.get(i).uuid, "sessionflow.session.created", i == 1 || i == 2, s.get(i).createTime));
            }
            expected.add(tuple(s.get(1).uuid, "sessionflow.session.started", false, t0.minus(Duration.ofMinutes(30))));
            expected.add(
                    tuple(s.get(1).uuid, "sessionflow.participant.joined", false, t0.minus(Duration.ofMinutes(29))));
            expected.add(tuple(s.get(2).uuid, "sessionflow.session.started", true, t0.minus(Duration.ofMinutes(28))));
            expected.add(tuple(s.get(2).uuid, "sessionflow.session.ended", false, t0.minus(Duration.ofMinutes(20))));
            assertThat(first)
                    .extracting(
                            e -> e.subject(),
                            e -> e.type().type(),
                            e -> e.data().inferred(),
                            SessionEvent::time)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(vendor.served().subList(0, 3)).as("one poll reads pages 0, 1 and 2 of size 4")
                    .containsExactly("list page=0", "list page=1", "list page=2");
            assertThat(first).filteredOn(e -> e.subject().equals(s.get(1).uuid)).extracting(e -> e.type().type())
                    .as("per-session order").containsExactly("sessionflow.session.created",
                            "sessionflow.session.started", "sessionflow.participant.joined");
            assertThat(first.get(0).source()).isEqualTo("sessionflow/seeit");
            assertThat(first.get(0).data().owner().email()).isEqualTo(TECH);

            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("unchanged sessions publish nothing").hasSize(14);

            world.finish(s.get(1).uuid, t0.minus(Duration.ofMinutes(5)), 2, "fixed");
            world.start(s.get(7).uuid, t0.minus(Duration.ofMinutes(4)));
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(17, WAIT));
            assertThat(all.subList(14, 17)).extracting(e -> e.subject(), e -> e.type().type(), SessionEvent::time)
                    .containsExactlyInAnyOrder(
                            tuple(s.get(1).uuid, "sessionflow.participant.left", t0.minus(Duration.ofMinutes(5))),
                            tuple(s.get(1).uuid, "sessionflow.session.ended", t0.minus(Duration.ofMinutes(5))),
                            tuple(s.get(7).uuid, "sessionflow.session.started", t0.minus(Duration.ofMinutes(4))));
            assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).hasSize(17);
        }
    }

    @Test
    void refreshesAnOpenSessionOnceTheWindowNoLongerCoversIt() {
        SeeitWorld.Session open = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        world.start(open.uuid, t0.minus(Duration.ofMinutes(5)));
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            events.awaitCount(2, WAIT);
            clock.set(t0.plus(Duration.ofHours(2)));
            // polls at the new time commit their cursor, so the window (look-back from the last poll) moves past
            int served = vendor.served().size();
            await("polls at the new time").atMost(WAIT).until(() -> vendor.served().size() > served + 3);
            world.finish(open.uuid, t0.plus(Duration.ofMinutes(90)), 1, "late finish");

            List<SessionEvent> all = EventAssertions.events(events.awaitCount(3, WAIT));
            assertThat(all.get(2)).extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time)
                    .containsExactly(open.uuid, "sessionflow.session.ended", t0.plus(Duration.ofMinutes(90)));
            assertThat(vendor.served())
                    .as("out of the look-back window, so fetched by uuid")
                    .contains("get " + open.uuid);
        }
    }

    /** The list's query carries the moving poll window; the same bad record on a later poll is no new dead letter. */
    @Test
    void aRecordThatStaysBadIsDeadLetteredOnceWhileThePollWindowMoves() {
        world.corrupt(world.create(TECH, t0.minus(Duration.ofMinutes(4))).uuid);
        pipeline = startPipeline();
        try (TopicReader dlq = pipeline.read(pipeline.topics().dlq());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.seeit.SeeitModule.SYSTEM)) {
            dlq.awaitCount(1, WAIT);
            clock.set(t0.plus(Duration.ofMinutes(10)));
            polls.awaitQuiet(WAIT);
            assertThat(dlq.readToEnd()).hasSize(1);
        }
    }

    /**
     * A finished session is forgotten (a tombstone in the state topic) once forget-after has passed and the poll
     * window can no longer list it, not before: the window outlasts forget-after here, and while it lists the
     * session the tracker keeps it. A dead letter is forgotten after forget-after. Nothing is published again,
     * before or after a restart.
     */
    @Test
    void aClosedSessionIsForgottenWithATombstoneOnlyOnceItsWindowCanNoLongerListIt() {
        SeeitWorld.Session done = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        world.start(done.uuid, t0.minus(Duration.ofMinutes(9)));
        world.finish(done.uuid, t0.minus(Duration.ofMinutes(5)), 0, "done");
        world.corrupt(world.create(TECH, t0.minus(Duration.ofMinutes(4))).uuid);
        Map<String, String> settings = Map.of(
                "sessionflow.seeit.base-url", vendor.baseUrl(),
                "sessionflow.seeit.token", TOKEN,
                "sessionflow.seeit.poll-interval", "200ms",
                "sessionflow.seeit.look-back", "1h",
                "sessionflow.state.forget-after", "30m");
        pipeline = Pipeline.start(settings, clock);
        io.sessionflow.kafka.Topics topics = pipeline.topics();
        String stateKey = "session:seeit:" + done.uuid;
        try (TopicReader events = pipeline.read(topics.events());
             TopicReader dlq = pipeline.read(topics.dlq());
             TopicReader state = pipeline.read(topics.state());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.seeit.SeeitModule.SYSTEM)) {
            events.awaitCount(3, WAIT);
            dlq.awaitCount(1, WAIT);

            clock.set(t0.plus(Duration.ofHours(2)));
            polls.awaitQuiet(WAIT);
            assertThat(state.readToEnd())
                    .filteredOn(r -> r.key().equals(stateKey))
                    .extracting(r -> r.value() == null)
                    .as("forget-after passed, but the window (look-back + a day) may still list it")
                    .containsOnly(false);
            assertThat(state.readToEnd())
                    .filteredOn(r -> r.key().startsWith("dead:"))
                    .extracting(r -> r.value() == null)
                    .as("the dead letter, remembered for forget-after, is forgotten")
                    .containsExactly(false, true);

            clock.set(t0.plus(Duration.ofHours(26)));
            polls.awaitQuiet(WAIT);
            assertThat(state.readToEnd()).filteredOn(r -> r.key().equals(stateKey)).extracting(r -> r.value() == null)
                    .as("remembered, then a tombstone").endsWith(false, true).containsOnlyOnce(true);
            assertThat(events.readToEnd()).hasSize(3);
        }
        pipeline.close();
        pipeline = Pipeline.startOn(topics, settings, clock);
        try (TopicReader events = pipeline.read(topics.events());
             TopicReader dlq = pipeline.read(topics.dlq());
             CommittedPolls polls = new CommittedPolls(pipeline, io.sessionflow.source.seeit.SeeitModule.SYSTEM)) {
            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("nothing published again").hasSize(3);
            assertThat(dlq.readToEnd()).hasSize(1);
        }
    }

    @Test
    void unmappableRecordGoesToDeadLetterTopicWhileTheRestOfThePageIsPublished() {
        SeeitWorld.Session good = world.create(TECH, t0.minus(Duration.ofMinutes(3)));
        SeeitWorld.Session bad = world.create(TECH, t0.minus(Duration.ofMinutes(2)));
        SeeitWorld.Session alsoGood = world.create(TECH, t0.minus(Duration.ofMinutes(1)));
        world.corrupt(bad.uuid);
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader dlq = pipeline.read(pipeline.topics().dlq());
             TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            List<SessionEvent> published = EventAssertions.events(events.awaitCount(2, WAIT));
            assertThat(published).extracting(SessionEvent::subject).containsExactlyInAnyOrder(good.uuid, alsoGood.uuid);

            ConsumerRecord<String, byte[]> dead = dlq.awaitCount(1, WAIT).get(0);
            JsonNode letter = readJson(dead.value());
            assertThat(letter.get("system").asText()).isEqualTo("seeit");
            assertThat(letter.get("endpoint").asText()).startsWith("GET /sessions?startTime=")
                    .contains("&sort=sessionCreateTime%2Casc");
            assertThat(letter.get("reason").asText())
                    .isEqualTo("Seeit session " + bad.uuid + " has unknown sessionStatus 'EXPLODED'");
            assertThat(letter.get("raw").asText()).contains(bad.uuid).doesNotContain(good.uuid);

            ConsumerRecord<String, byte[]> page = raw.awaitCount(1, WAIT).get(0);
            assertThat(header(page, "sessionflow-system")).isEqualTo("seeit");
            assertThat(header(page, "Authorization")).isNull();
            assertThat(new String(page.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain(TOKEN);
        }
    }

    @Test
    void sameVendorStateGivesSameEventIdsAfterARestart() {
        SeeitWorld.Session s = world.create(TECH, t0.minus(Duration.ofMinutes(10)));
        world.start(s.uuid, t0.minus(Duration.ofMinutes(9)));
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

    private static JsonNode readJson(byte[] bytes) {
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
