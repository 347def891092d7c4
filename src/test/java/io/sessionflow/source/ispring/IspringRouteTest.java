package io.sessionflow.source.ispring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.demo.SimulatedHttpServer.Fault;
import io.sessionflow.demo.SimulatedHttpServer.RawAnswer;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.CommittedPolls;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.MutableClock;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** iSpring end to end: the simulated SOAP service over real HTTP, the YAML routes, camel-kafka, a real broker. */
class IspringRouteTest {
    private static final String TOKEN = "route-test-token";
    private static final String TRAINING_A = "b431d5a0-2d14-11ed-b56c-0242c0a87043";
    private static final String TRAINING_B = "c0ffee00-2d14-11ed-b56c-0242c0a87043";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final MutableClock clock = new MutableClock(t0);
    private final IspringWorld world = new IspringWorld();
    private IspringSimulator vendor;
    private Pipeline pipeline;

    @BeforeEach
    void startVendor() {
        vendor = new IspringSimulator(world, TOKEN);
    }

    @AfterEach
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
        vendor.close();
    }

    private Pipeline startPipeline() {
        return startPipeline(Map.of());
    }

    private Pipeline startPipeline(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "sessionflow.ispring.url", vendor.url(),
                "sessionflow.ispring.token", TOKEN,
                "sessionflow.ispring.training-ids", TRAINING_A + ", " + TRAINING_B,
                "sessionflow.ispring.poll-interval", "200ms"));
        settings.putAll(extra);
        return Pipeline.start(settings, clock);
    }

    /** A server that drops h2c upgrade requests (WebSocket on the same port) still answers plain HTTP/1.1. */
    @Test
    void soapWorksAgainstAServerThatDropsUpgradeRequests() {
        vendor.server().dropUpgradeRequests();
        IspringWorld.Session moscow = world.schedule(TRAINING_A, "Onboarding",
                at(t0.plusSeconds(3600), "+03:00"), 1800, "Олег Смирнов");
        pipeline = startPipeline();
        try (TopicReader events = pipeline.read(pipeline.topics().events())) {
            assertThat(EventAssertions.events(events.awaitCount(1, WAIT))).extracting(SessionEvent::subject)
                    .containsExactly(moscow.id());
            assertThat(vendor.server().droppedUpgradeRequests()).as("no request asked for an upgrade").isZero();
        }
    }

    /** The answer's headers come at once and its body after two minutes: the call fails at its timeout instead. */
    @Test
    void anAnswerThatStallsAfterItsHeadersIsATimeoutAndTheNextCallPublishes() {
        vendor.server().inject(Fault.slowBody(Duration.ofMinutes(2).toMillis()));
        assertPublishedWithin1sTimeoutAfterLogging("failed: Read timed out");
    }

    /** A byte every 200 ms keeps every read within its timeout: only the bound on the whole answer ends it. */
    @Test
    void anAnswerSentAByteAtATimeIsATimeoutAndTheNextCallPublishes() {
        vendor.server().injectRaw(RawAnswer.byteAtATime("text/xml", 600, Duration.ofMillis(200)));
        assertPublishedWithin1sTimeoutAfterLogging("no whole answer within PT1S");
    }

    private void assertPublishedWithin1sTimeoutAfterLogging(String failure) {
        IspringWorld.Session moscow = world.schedule(TRAINING_A, "Onboarding",
                at(t0.plusSeconds(3600), "+03:00"), 1800, "Олег Смирнов");
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline(Map.of("sessionflow.http.timeout", "1s"));
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                assertThat(EventAssertions.events(events.awaitCount(1, WAIT))).extracting(SessionEvent::subject)
                        .containsExactly(moscow.id());
            }
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains(failure));
        }
    }

    @Test
    void publishesEachTransitionOnceDeletesVanishedSessionsAndInfersStartAndEnd() {
        IspringWorld.Session moscow = world.schedule(TRAINING_A, "Onboarding",
                at(t0.plusSeconds(3600), "+03:00"), 1800, "Олег Смирнов");
        IspringWorld.Session denver = world.schedule(TRAINING_B, "Sales kickoff",
                at(t0.plusSeconds(7200), "-07:00"), 3600, null);
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             CommittedPolls polls = new CommittedPolls(pipeline, IspringModule.SYSTEM)) {
            List<SessionEvent> first = EventAssertions.events(events.awaitCount(2, WAIT));
            assertThat(first)
                    .extracting(
                            SessionEvent::subject,
                            e -> e.type().type(),
                            e -> e.data().inferred(),
                            e -> e.data().scheduledStart(),
                            e -> e.data().parent().id())
                    .containsExactlyInAnyOrder(
                            tuple(
                                    moscow.id(),
                                    "sessionflow.session.scheduled",
                                    false,
                                    t0.plusSeconds(3600),
                                    TRAINING_A),
                            tuple(
                                    denver.id(),
                                    "sessionflow.session.scheduled",
                                    false,
                                    t0.plusSeconds(7200),
                                    TRAINING_B));
            assertThat(first).allSatisfy(e -> {
                assertThat(e.time()).isEqualTo(t0);
                assertThat(e.source()).isEqualTo("sessionflow/ispring");
            });

            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("unchanged sessions publish nothing").hasSize(2);

            world.reschedule(moscow.id(), at(t0.plusSeconds(5400), "+03:00"));
            world.delete(denver.id());
            List<SessionEvent> changed = EventAssertions.events(events.awaitCount(4, WAIT)).subList(2, 4);
            assertThat(changed).extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactlyInAnyOrder(tuple(moscow.id(), "sessionflow.session.updated"),
                            tuple(denver.id(), "sessionflow.session.deleted"));
            assertThat(changed.stream().filter(e -> e.subject().equals(moscow.id())).findFirst().orElseThrow()
                    .data().scheduledStart()).isEqualTo(t0.plusSeconds(5400));

            clock.advance(Duration.ofSeconds(5400));
            List<SessionEvent> started = EventAssertions.events(events.awaitCount(5, WAIT)).subList(4, 5);
            assertThat(started).extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time,
                    e -> e.data().inferred())
                    .containsExactly(tuple(moscow.id(), "sessionflow.session.started", t0.plusSeconds(5400), true));

            clock.advance(Duration.ofSeconds(1800));
            List<SessionEvent> all = EventAssertions.events(events.awaitCount(6, WAIT));
            assertThat(all.get(5)).extracting(SessionEvent::subject, e -> e.type().type(), SessionEvent::time,
                    e -> e.data().inferred())
                    .containsExactly(moscow.id(), "sessionflow.session.ended", t0.plusSeconds(7200), true);

            polls.awaitQuiet(WAIT);
            assertThat(events.readToEnd()).as("nothing is emitted twice").hasSize(6);
            assertThat(all).extracting(SessionEvent::id).doesNotHaveDuplicates();
        }
    }

    @Test
    void aSoapFaultForOneTrainingIsLoggedAndTheOtherTrainingIsStillPublished() {
        IspringWorld.Session a =
                world.schedule(TRAINING_A, "Compliance", at(t0.plusSeconds(3600), "+03:00"), 600, null);
        IspringWorld.Session b =
                world.schedule(TRAINING_B, "Onboarding", at(t0.plusSeconds(3600), "+03:00"), 600, null);
        try (LogLines log = new LogLines(IspringFetcher.class)) {
            pipeline = startPipeline();
            try (TopicReader events = pipeline.read(pipeline.topics().events());
                 CommittedPolls polls = new CommittedPolls(pipeline, IspringModule.SYSTEM)) {
                EventAssertions.events(events.awaitCount(2, WAIT));

                world.fault(TRAINING_A, "Permission denied");
                world.reschedule(a.id(), at(t0.plusSeconds(7200), "+03:00"));
                world.reschedule(b.id(), at(t0.plusSeconds(7200), "+03:00"));
                events.awaitCount(3, WAIT);
                polls.awaitQuiet(WAIT);
                List<SessionEvent> all = EventAssertions.events(events.readToEnd());

                assertThat(all.subList(2, all.size())).as("after the fault, only training B publishes; A's session"
                                + " is neither updated nor taken for deleted")
                        .extracting(SessionEvent::subject, e -> e.type().type())
                        .containsExactly(tuple(b.id(), "sessionflow.session.updated"));
            }
            assertThat(log.lines()).contains("WARN iSpring ListSessionsByTraining trainingId=" + TRAINING_A
                    + " failed: SOAP Fault 'Permission denied' (Server); nothing published for this training in"
                    + " this poll, the other trainings are");
        }
    }

    @Test
    void anExternalEntityInAnAnswerIsRefusedAndNeverResolved(@TempDir Path dir) throws Exception {
        String canary = "CANARY-" + Long.toHexString(System.nanoTime());
        Path secret = Files.writeString(dir.resolve("secret.txt"), canary);
        world.answerWithExternalEntity(TRAINING_A, secret);
        IspringWorld.Session b =
                world.schedule(TRAINING_B, "Onboarding", at(t0.plusSeconds(3600), "+03:00"), 600, null);
        try (LogLines log = new LogLines(IspringFetcher.class)) {
            pipeline = startPipeline();
            try (TopicReader events = pipeline.read(pipeline.topics().events());
                 TopicReader raw = pipeline.read(pipeline.topics().raw());
                 TopicReader dlq = pipeline.read(pipeline.topics().dlq());
                 CommittedPolls polls = new CommittedPolls(pipeline, IspringModule.SYSTEM)) {
                assertThat(EventAssertions.events(events.awaitCount(1, WAIT))).extracting(SessionEvent::subject)
                        .containsExactly(b.id());
                polls.awaitQuiet(WAIT);
                List<ConsumerRecord<String, byte[]>> everything = new java.util.ArrayList<>();
                everything.addAll(events.readToEnd());
                everything.addAll(raw.readToEnd());
                everything.addAll(dlq.readToEnd());
                assertThat(raw.seen()).as("training B's answers are archived as received").isNotEmpty()
                        .allSatisfy(r -> assertThat(text(r)).contains("<ns1:title>Onboarding</ns1:title>")
                                .contains("ListSessionsByTraining trainingId=" + TRAINING_B));
                assertThat(everything).allSatisfy(r -> assertThat(text(r)).doesNotContain(canary)
                        .as("the API token stays out of every topic").doesNotContain(TOKEN));
                assertThat(events.seen()).hasSize(1);
            }
            assertThat(log.lines()).contains("WARN iSpring ListSessionsByTraining trainingId=" + TRAINING_A
                    + " failed: the answer declares a DOCTYPE; DTDs and external entities are refused, nothing of it"
                    + " was read; nothing published for this training in this poll, the other trainings are");
            assertThat(log.lines()).allSatisfy(line -> assertThat(line).doesNotContain(canary));
        }
    }

    private static String text(ConsumerRecord<String, byte[]> r) {
        StringBuilder out = new StringBuilder(new String(r.value(), StandardCharsets.UTF_8));
        r.headers().forEach(h -> out.append('\n').append(new String(h.value(), StandardCharsets.UTF_8)));
        return out.toString();
    }

    private static OffsetDateTime at(Instant instant, String offset) {
        return instant.atOffset(ZoneOffset.of(offset));
    }
}
