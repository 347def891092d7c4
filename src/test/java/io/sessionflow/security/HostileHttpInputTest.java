package io.sessionflow.security;

import static io.sessionflow.testing.Wait.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.demo.SimulatedHttpServer.RawAnswer;
import io.sessionflow.event.EventJson;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.LogCapture;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers from a vendor, through real HTTP on loopback, the YAML routes and the real broker
 * (webinar.ru's path: schedule, then /eventsessions/{id}). The surefire heap is 2 GiB; bodies here are larger.
 */
class HostileHttpInputTest {
    private static final String TOKEN = "hostile-test-token";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MAX_BODY = 1 << 20;
    private static final long FOUR_GIB = 4L << 30;
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
        return startPipeline(Map.of());
    }

    private Pipeline startPipeline(Map<String, String> extra) {
        Map<String, String> settings = new java.util.HashMap<>(Map.of(
                "sessionflow.webinar.base-url", vendor.baseUrl(),
                "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "300ms",
                "sessionflow.webinar.window-past", "3650d",
                "sessionflow.http.retries", "0",
                "sessionflow.http.max-body-bytes", String.valueOf(MAX_BODY)));
        settings.putAll(extra);
        return Pipeline.start(settings);
    }

    @Test
    void hostileIdsNeverLeaveTheirPathSegmentAndAreDeadLettered() {
        WebinarWorld.Session good = world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        List<String> hostile = List.of("../admin", "%2e%2e", "..", "a?b=1", "x#y", "@evil.example", "a/b",
                "x\r\n23:59:59.999 ERROR forged");
        hostile.forEach(world::listBogusId);
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader dlq = pipeline.read(pipeline.topics().dlq())) {
            assertThat(events.awaitCount(1, WAIT))
                    .extracting(ConsumerRecord::key)
                    .containsExactly("webinar:" + good.id);
            List<JsonNode> letters = dlq.awaitCount(hostile.size(), WAIT).stream().map(r -> json(r.value())).toList();
            assertThat(letters).extracting(l -> l.get("raw").asText()).containsAll(hostile);
            assertThat(letters).allSatisfy(l -> assertThat(l.get("reason").asText())
                    .startsWith("webinar.ru event session id '")
                    .endsWith("is not a safe URL path segment; not requested")
                    .doesNotContain("\n")
                    .doesNotContain("\r"));
        }
        assertThat(vendor.server().requestPaths()).isNotEmpty().allSatisfy(path -> assertThat(path)
                .matches("/v3/(organization/events/schedule\\?.*|eventsessions/" + good.id + ")"));
    }

    @Test
    void vendorResponseHeadersChooseNoTopicNoEndpointAndTravelNowhere() throws Exception {
        String evilTopic = "evil-topic-" + System.nanoTime();
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        vendor.server().addHeadersToEveryAnswer(Map.of(
                "kafka.OVERRIDE_TOPIC", evilTopic, "CamelKafkaOverrideTopic", evilTopic,
                "CamelHttpUri", "http://127.0.0.1:1/evil", "CamelHttpPath", "/evil", "breadcrumbId", "forged-crumb"));
        pipeline = startPipeline();

        try (TopicReader events = pipeline.read(pipeline.topics().events());
             TopicReader raw = pipeline.read(pipeline.topics().raw())) {
            events.awaitCount(1, WAIT);
            List<ConsumerRecord<String, byte[]>> raws = raw.awaitCount(2, WAIT);
            assertThat(raws).allSatisfy(r -> assertThat(r.headers())
                    .extracting(h -> h.key())
                    .containsOnly(
                            "sessionflow-system", "sessionflow-endpoint", "sessionflow-fetched-at", "content-type"));
            assertThat(events.seen()).allSatisfy(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8))
                    .doesNotContain("forged-crumb").doesNotContain("/evil"));
        }
        int before = vendor.requestCount();
        await().atMost(WAIT).until(() -> vendor.requestCount() > before + 4);
        assertThat(vendor.server().requestPaths()).noneMatch(p -> p.contains("evil"));
        try (Admin admin = Admin.create(io.sessionflow.kafka.KafkaClients.base(
                io.sessionflow.testing.SharedKafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get()).doesNotContain(evilTopic);
        }
    }

    @Test
    void endlessBodyAndGzipBombAreRefusedWithinTheBoundThenPollingGoesOn() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        // each answers the first schedule request of a poll; neither fits in the heap if it were buffered
        vendor.server().injectRaw(
                new RawAnswer(200, Map.of("Content-Type", "application/json"), out -> zeros(out, FOUR_GIB)),
                new RawAnswer(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                        out -> {
                            GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
                            zeros(gzip, FOUR_GIB);
                            gzip.finish();
                        }));
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                events.awaitCount(1, WAIT);
            }
            List<String> refused = logs.lines().stream()
                    .filter(l -> l.contains("answered more than " + MAX_BODY + " bytes; refusing the body")).toList();
            assertThat(refused).as("one failed poll per hostile body, each in one clear line").hasSize(2)
                    .allSatisfy(l -> assertThat(l).contains("webinar-rest-poll failed, nothing published"));
        }
    }

    @Test
    void aBodySentAByteAtATimeIsATimeoutOfTheCallThenPollingGoesOn() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        // a byte every 200 ms keeps every socket read within its timeout: only a bound on the whole answer ends it
        // (spaces: were the body read whole, it would still be no JSON)
        vendor.server().injectRaw(RawAnswer.byteAtATime("application/json", 600, Duration.ofMillis(200)));
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline(Map.of("sessionflow.http.timeout", "1s"));
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                events.awaitCount(1, Duration.ofSeconds(30));
            }
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("webinar-rest-poll failed")
                    .contains("body could not be read: no whole answer within PT1S"));
        }
    }

    @Test
    void anHonestGzipAnswerIsDecoded() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        vendor.server()
                .injectRaw(new RawAnswer(
                        200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"), out -> {
                            GZIPOutputStream gzip = new GZIPOutputStream(out);
                            gzip.write("[]".getBytes(StandardCharsets.US_ASCII));
                            gzip.finish();
                        }));
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline();
            try (TopicReader raw = pipeline.read(pipeline.topics().raw())) {
                assertThat(raw.awaitCount(1, WAIT).get(0).value()).asString(StandardCharsets.US_ASCII).isEqualTo("[]");
            }
            assertThat(logs.lines()).noneMatch(l -> l.contains("webinar-rest-poll failed"));
        }
    }

    @Test
    void deeplyNestedJsonFailsThePollClearly() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        byte[] nested = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.US_ASCII);
        vendor.server()
                .injectRaw(new RawAnswer(200, Map.of("Content-Type", "application/json"), out -> out.write(nested)));
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                events.awaitCount(1, WAIT);
            }
            assertThat(logs.lines()).anySatisfy(l -> assertThat(l).contains("webinar-rest-poll failed")
                    .contains("is not valid JSON").contains("nesting depth"));
        }
    }

    @Test
    void controlCharactersInVendorTextCannotForgeLogLines() {
        world.schedule("Onboarding", t0, t0.plusSeconds(3600));
        byte[] error = "{\"error\":{\"message\":\"denied\\r\\n\r\n23:59:59.999 ERROR forged line\"}}"
                .getBytes(StandardCharsets.UTF_8);
        vendor.server()
                .injectRaw(new RawAnswer(403, Map.of("Content-Type", "application/json"), out -> out.write(error)));
        try (LogCapture logs = new LogCapture()) {
            pipeline = startPipeline();
            try (TopicReader events = pipeline.read(pipeline.topics().events())) {
                events.awaitCount(1, WAIT);
            }
            List<String> failed = logs.lines().stream().filter(l -> l.contains("answered HTTP 403")).toList();
            assertThat(failed).hasSize(1);
            // the real CR/LF arrive escaped (the line is also cut at a bounded length)
            assertThat(failed.get(0)).contains("denied\\r\\n\\u000d\\u000a23:")
                    .doesNotContain("\n").doesNotContain("\r");
        }
    }

    private static void zeros(OutputStream out, long bytes) throws IOException {
        byte[] chunk = new byte[1 << 16];
        for (long written = 0; written < bytes; written += chunk.length) {
            out.write(chunk);
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
