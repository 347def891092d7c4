package io.sessionflow.kamelet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.sessionflow.config.Settings;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.replay.TestEvents;
import io.sessionflow.source.AccountContext;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.CamelUserRoute;
import io.sessionflow.testing.EventAssertions;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.ShippedModules;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Camel user's own route, in YAML, in camel-main: {@code from: kamelet:<system>-session-source} over a simulated
 * vendor on loopback, the Kamelet found on the classpath as the jar packages it.
 */
class KameletRouteTest {
    private static final String TOKEN = "kamelet-route-token";
    private static final WebinarWorld.User YURI = new WebinarWorld.User("274", "Юрий", "Барсуклв", "krondor@inbox.ru");
    /** The README's example ("Camel users"), with a mock endpoint as the user's sink. */
    private static final String README_ROUTE = """
            - route:
                from:
                  uri: kamelet:webinar-session-source
                  parameters:
                    baseUrl: "{{webinar.url}}"
                    token: "{{webinar.token}}"
                    pollInterval: 200ms
                    windowPast: 3650d
                  steps:
                    - to: mock:events
            """;
    private final Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
    private final WebinarWorld world = new WebinarWorld();
    private final WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
    @TempDir
    Path routes;
    private CamelUserRoute camel;

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.close();
        }
        vendor.close();
    }

    @Test
    void aUserRouteGetsEachTransitionOnceAsTheCanonicalEvent() throws IOException {
        WebinarWorld.Session planned = world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        world.join(live.id, YURI, t0.plusSeconds(660));
        try (LogCapture log = new LogCapture()) {
            camel = start(README_ROUTE, Map.of());
            camel.awaitCommittedPolls(1);
            List<Exchange> first = camel.mock("mock:events").getReceivedExchanges();
            List<SessionEvent> events = first.stream().map(e -> event(e.getMessage().getBody(String.class))).toList();
            assertThat(events).extracting(SessionEvent::subject, e -> e.type().type(), e -> e.data().inferred(),
                    SessionEvent::time).containsExactlyInAnyOrder(
                    tuple(planned.id, "sessionflow.session.scheduled", false, t0),
                    tuple(live.id, "sessionflow.session.scheduled", true, t0),
                    tuple(live.id, "sessionflow.session.started", false, t0.plusSeconds(600)),
                    tuple(live.id, "sessionflow.participant.joined", false, t0.plusSeconds(660)));
            assertThat(events.stream().filter(e -> e.subject().equals(live.id)).map(e -> e.type().type()))
                    .as("per-session order").containsExactly("sessionflow.session.scheduled",
                            "sessionflow.session.started", "sessionflow.participant.joined");
            assertThat(first).allSatisfy(e -> {
                SessionEvent event = event(e.getMessage().getBody(String.class));
                assertThat(e.getMessage().getHeaders()).containsEntry(KafkaConstants.KEY, "webinar:" + event.subject())
                        .containsEntry("content-type", "application/cloudevents+json")
                        .containsEntry("sessionflow-system", "webinar").doesNotContainKey("sessionflow-account");
                assertThat(e.getMessage().getBody(String.class)).as("the bytes Sessionflow publishes")
                        .isEqualTo(new String(EventJson.toBytes(event), StandardCharsets.UTF_8));
            });

            camel.awaitCommittedPolls(2);
            assertThat(camel.mock("mock:events").getReceivedCounter()).as("a poll of an unchanged world").isEqualTo(4);

            world.stop(live.id, t0.plusSeconds(4200));
            world.delete(planned.id);
            // a poll may have begun before the change; a deletion is believed on the second 404 in a row
            camel.awaitCommittedPolls(camel.committedPolls() + 3);
            List<SessionEvent> later = camel.bodies("mock:events").stream()
                    .skip(4)
                    .map(KameletRouteTest::event)
                    .toList();
            assertThat(later).extracting(SessionEvent::subject, e -> e.type().type()).containsExactlyInAnyOrder(
                    tuple(live.id, "sessionflow.participant.left"),
                    tuple(live.id, "sessionflow.session.ended"),
                    tuple(planned.id, "sessionflow.session.deleted"));
            assertThat(log.lines()).as("the token in no log line").noneMatch(l -> l.contains(TOKEN));
        }
    }

    @Test
    void aPollIsRememberedOnlyOnceTheRouteTookAllOfItsEvents() throws IOException {
        world.schedule("Quarterly results", t0, t0.plusSeconds(7200));
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        AtomicInteger seen = new AtomicInteger();
        Processor downOnce = exchange -> {
            if (seen.incrementAndGet() == 2) {
                throw new IllegalStateException("the user's sink is down");
            }
        };
        camel = start("""
                - route:
                    from:
                      uri: kamelet:webinar-session-source
                      parameters:
                        baseUrl: "{{webinar.url}}"
                        token: "{{webinar.token}}"
                        pollInterval: 200ms
                        windowPast: 3650d
                      steps:
                        - process:
                            ref: sinkDownOnce
                        - to: mock:events
                """, Map.of("sinkDownOnce", downOnce));

        camel.awaitCommittedPolls(1);
        List<String> ids = camel.bodies("mock:events").stream().map(b -> event(b).id()).toList();
        assertThat(ids).as("the first event, then the whole poll again, its second event refused the first time")
                .hasSize(4).doesNotContainNull();
        assertThat(ids.get(1)).as("derived again with the same id").isEqualTo(ids.get(0));
        assertThat(ids.subList(1, 4)).doesNotHaveDuplicates();
        camel.awaitCommittedPolls(2);
        assertThat(camel.mock("mock:events").getReceivedCounter()).as("then remembered").isEqualTo(4);
    }

    @Test
    void aRecordThatCannotBeMappedIsLoggedOnceAndTheRestOfThePollEmitted() throws IOException {
        WebinarWorld.Session good = world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        WebinarWorld.Session bad = world.schedule("Broken", t0, t0.plusSeconds(3600));
        world.corrupt(bad.id);
        try (LogCapture log = new LogCapture()) {
            camel = start(README_ROUTE, Map.of());
            camel.awaitCommittedPolls(3);
            assertThat(camel.bodies("mock:events").stream().map(KameletRouteTest::event))
                    .extracting(SessionEvent::subject, e -> e.type().type())
                    .containsExactly(tuple(good.id, "sessionflow.session.scheduled"));
            assertThat(log.lines()).filteredOn(l -> l.contains("could not be mapped")).containsExactly(
                    KameletSource.class.getName() + " webinar/default: a record of GET /eventsessions/" + bad.id
                            + " could not be mapped and is not emitted: webinar.ru event session " + bad.id
                            + " field 'startsAt': unreadable webinar.ru time 'yesterday-ish'");
        }
    }

    @Test
    void aStateFileKeepsTheMemoryAcrossARestart() throws IOException {
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        Path state = routes.resolve("webinar-state.json");
        String route = README_ROUTE.replace("windowPast: 3650d", "windowPast: 3650d\n        stateFile: \"{{state}}\"");
        camel = start(route, Map.of(), Map.of("state", state.toString()));
        camel.awaitCommittedPolls(1);
        assertThat(camel.bodies("mock:events")).hasSize(2);
        camel.close();

        world.join(live.id, YURI, t0.plusSeconds(700));
        world.stop(live.id, t0.plusSeconds(800));
        camel = start(route, Map.of(), Map.of("state", state.toString()));
        camel.awaitCommittedPolls(2);
        assertThat(camel.bodies("mock:events").stream().map(KameletRouteTest::event))
                .as("only what changed while the route was down")
                .extracting(SessionEvent::subject, e -> e.type().type()).containsExactly(
                        tuple(live.id, "sessionflow.participant.joined"),
                        tuple(live.id, "sessionflow.participant.left"),
                        tuple(live.id, "sessionflow.session.ended"));
    }

    @Test
    void inMemoryARestartEmitsWhatTheVendorListsAgainWithTheSameIds() throws IOException {
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        camel = start(README_ROUTE, Map.of());
        camel.awaitCommittedPolls(1);
        List<String> first = camel.bodies("mock:events");
        assertThat(first).hasSize(2);
        camel.close();

        camel = start(README_ROUTE, Map.of());
        camel.awaitCommittedPolls(2);
        assertThat(camel.bodies("mock:events")).as("the same events, byte for byte").isEqualTo(first);
    }

    /** The sink most users will pick: camel-kafka writes the key, value and headers Sessionflow's own records have. */
    @Test
    void aKafkaSinkWritesTheRecordsSessionflowPublishes() throws IOException {
        WebinarWorld.Session live = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(live.id, t0.plusSeconds(600));
        String topic = TestEvents.newTopic(1);
        camel = start(README_ROUTE.replace("windowPast: 3650d", "windowPast: 3650d\n        account: acme")
                .replace("- to: mock:events", "- to: mock:events\n        - to: kafka:" + topic + "?brokers="
                        + SharedKafka.bootstrapServers()), Map.of());
        camel.awaitCommittedPolls(1);
        try (TopicReader records = new TopicReader(SharedKafka.bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> written = records.awaitCount(2, Duration.ofSeconds(30));
            assertThat(written).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                    .isEqualTo(camel.bodies("mock:events"));
            assertThat(written).allSatisfy(r -> {
                SessionEvent event = EventJson.parse(r.value());
                assertThat(event.data().account()).isEqualTo("acme");
                assertThat(r.key()).isEqualTo("webinar/acme:" + live.id).isEqualTo(event.kafkaKey());
                assertThat(r.headers().toArray())
                        .extracting(h -> h.key(), h -> new String(h.value(), StandardCharsets.UTF_8))
                        .containsExactlyInAnyOrder(
                                tuple("content-type", "application/cloudevents+json"),
                                tuple("sessionflow-system", "webinar"),
                                tuple("sessionflow-account", "acme"));
            });
        }
    }

    @Test
    void badPropertiesStopTheStartWithOneLineNamingThem() throws IOException {
        String route = README_ROUTE.replace("token: \"{{webinar.token}}\"", "account: Not/An-Id")
                .replace("pollInterval: 200ms", "pollInterval: PT30S");
        assertThatThrownBy(() -> start(route, Map.of())).rootCause().hasMessage(
                "kamelet:webinar-session-source: account 'Not/An-Id' is not a safe account id: 1 to 63 of a-z, 0-9,"
                        + " '-' and '_', starting with a letter or digit");
        String noToken = README_ROUTE.replace("token: \"{{webinar.token}}\"", "pageSize: 7")
                .replace("pollInterval: 200ms", "pollInterval: PT30S");
        assertThatThrownBy(() -> start(noToken, Map.of())).rootCause().hasMessage(
                "kamelet:webinar-session-source: pollInterval 'PT30S' is not a duration like 500ms, 30s, 5m, 2h or 7d;"
                        + " token is required when baseUrl is set; pageSize 7 must be one of [10, 50, 100, 250, 500]");
        assertThatThrownBy(() -> start(README_ROUTE.replace("\"{{webinar.url}}\"", "\"\""), Map.of())).rootCause()
                .hasMessage("kamelet:webinar-session-source: baseUrl is required");
    }

    /** The polling modules the jar ships, whose Kamelets it packages ({@link ShippedModules}). */
    static List<SourceModule> pollingModules() {
        return KameletFile.modules().stream().filter(ShippedModules.all()::contains).toList();
    }

    /**
     * Every polling source over its demo simulator, as {@code SourceModule.demo} sets it up: the Kamelet emits exactly
     * the events Sessionflow's own source derives from the same vendor state, byte for byte and in order, and a poll
     * of the unchanged world emits nothing.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pollingModules")
    void everyPollingSourceEmitsWhatSessionflowDerives(SourceModule module) throws Exception {
        try (DemoVendor demo = module.demo(0)) {
            Scenario scenario = demo.scenario();
            // an hour ago: whatever the scenario plans has happened by now, so the world stands still
            Instant past = Instant.now().minus(Duration.ofHours(1));
            for (int tick = 0; tick < 6; tick++) {
                scenario.tick(past.plusSeconds(tick));
            }
            List<SessionEvent> published = sessionflowDerives(module, demo.settings());
            assertThat(published).as("the demo's world has sessions").isNotEmpty();

            Map<String, String> parameters = new LinkedHashMap<>();
            demo.settings().forEach((key, value) ->
                    parameters.put(KameletFile.property(key.substring(module.settingsPrefix().length())), value));
            parameters.put(KameletFile.property(module.pollSetting().orElseThrow()), "300ms");
            StringBuilder route = new StringBuilder("- route:\n    from:\n      uri: kamelet:")
                    .append(KameletFile.name(module.system())).append("\n      parameters:\n");
            parameters.forEach((name, value) -> route.append("        ").append(name).append(": ")
                    .append(EventJson.toJson(value)).append('\n'));
            route.append("      steps:\n        - to: mock:events\n");
            camel = start(route.toString(), Map.of());
            camel.awaitCommittedPolls(1);
            List<String> emitted = camel.bodies("mock:events");
            assertThat(emitted).isEqualTo(published.stream()
                    .map(e -> new String(EventJson.toBytes(e), StandardCharsets.UTF_8)).toList());
            emitted.forEach(KameletRouteTest::event);
            camel.awaitCommittedPolls(2);
            assertThat(camel.mock("mock:events").getReceivedCounter()).as("a poll of an unchanged world")
                    .isEqualTo(emitted.size());
        }
    }

    /** One poll of the module's own source over the same vendor, with a fresh tracker: what Sessionflow publishes. */
    private static List<SessionEvent> sessionflowDerives(SourceModule module, Map<String, String> settings)
            throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.start();
        try {
            var account = module.defaultAccount(Settings.from(Map.of(), new Properties(), settings));
            var source = module.createSource(AccountContext.of(account, new SessionTracker(new InMemoryKnownSessions()),
                    Clock.systemUTC(), context.createProducerTemplate()));
            return ((SnapshotPoller<?>) source).poll().events();
        } finally {
            context.close();
        }
    }

    private CamelUserRoute start(String route, Map<String, Object> beans) throws IOException {
        return start(route, beans, Map.of());
    }

    private CamelUserRoute start(String route, Map<String, Object> beans, Map<String, String> more)
            throws IOException {
        Files.writeString(routes.resolve("my-route.yaml"), route);
        Map<String, String> properties = new LinkedHashMap<>(Map.of("webinar.url", vendor.baseUrl(),
                "webinar.token", TOKEN));
        properties.putAll(more);
        return CamelUserRoute.start(routes, properties, beans);
    }

    private static SessionEvent event(String body) {
        EventAssertions.assertValid(body.getBytes(StandardCharsets.UTF_8));
        return EventJson.parse(body.getBytes(StandardCharsets.UTF_8));
    }
}
