package io.sessionflow.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.sessionflow.consuming.AsyncApiDocument.Message;
import io.sessionflow.demo.DemoVendor;
import io.sessionflow.demo.Scenario;
import io.sessionflow.event.EventJson;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.SourceModules;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarScenario;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml is a valid AsyncAPI 3.0.0 document, its value schemas are the files the application ships,
 * its examples keep their own schemas, and what the pipeline really writes keeps all of it.
 */
class AsyncApiContractTest {
    private static final Path SCHEMAS = Path.of("src/main/resources/schema");
    private final AsyncApiDocument doc = AsyncApiDocument.read();

    @Test
    void documentIsValidAsyncApi300() {
        JsonSchema asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                .getSchema(SchemaLocation.of("classpath:asyncapi/asyncapi-3.0.0.schema.json"));
        assertThat(doc.root().path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(AsyncApiDocument.violations(asyncApi, doc.root())).isEmpty();
        assertThat(doc.messages())
                .extracting(Message::address)
                .containsOnly("sessions.events", "sessions.raw", "sessions.dlq", "sessions.state",
                        "sessions.watermarks", "sessionflow.accounts");
    }

    @Test
    void valueSchemasAreTheFilesOfTheSchemaFolder() throws IOException {
        Set<String> referenced = new HashSet<>();
        for (String ref : doc.externalRefs()) {
            assertThat(ref)
                    .as("every schema outside the document is a shipped one")
                    .startsWith(AsyncApiDocument.SCHEMA_FOLDER);
            String file = ref.substring(AsyncApiDocument.SCHEMA_FOLDER.length()).replaceAll("#.*", "");
            assertThat(AsyncApiDocument.FILE.getParent().resolve(ref.replaceAll("#.*", ""))).exists();
            referenced.add(file);
            String fragment = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            assertThat(EventJson.mapper().readTree(SCHEMAS.resolve(file).toFile()).at(fragment).isObject())
                    .as("%s points at a schema", ref).isTrue();
        }
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            assertThat(referenced).containsExactlyInAnyOrderElementsOf(
                    files.map(f -> f.getFileName().toString()).toList());
        }
        assertThat(doc.messages()).allSatisfy(m -> assertThat(m.payloadRef()).as(m.name())
                .startsWith(AsyncApiDocument.SCHEMA_FOLDER));
    }

    @Test
    void examplesKeepTheirMessagesSchemas() {
        for (Message m : doc.messages()) {
            assertThat(m.examples()).as("%s has examples", m.name()).isNotEmpty();
            for (JsonNode example : m.examples()) {
                JsonNode payload = example.path("payload");
                assertThat(m.payload().violations(payload)).as("%s payload", example.path("name").asText()).isEmpty();
                JsonNode headers =
                        example.has("headers") ? example.get("headers") : JsonNodeFactory.instance.objectNode();
                assertThat(AsyncApiDocument.violations(m.headers(), headers))
                        .as("%s headers", example.path("name").asText())
                        .isEmpty();
            }
        }
    }

    /**
     * The demo's simulated vendors (webinar.ru with one record it cannot map, for a dead letter) and the real
     * pipeline, plus two more webinar.ru accounts added as an operator adds them: one polled and then removed (its
     * events keyed by account, its removal mark), one whose token the vendor refuses (its failure record). Every
     * record of every topic matches one message of its channel by key, and keeps its headers and payload schemas;
     * every message of the document is seen at least once.
     */
    @Test
    void recordsOfADemoRunKeepTheContract() throws IOException {
        List<DemoVendor> vendors = new ArrayList<>(SourceModules.all().stream()
                .filter(m -> m.system() != WebinarModule.SYSTEM).map(m -> m.demo(0)).toList());
        WebinarWorld world = new WebinarWorld();
        Instant now = Instant.now();
        world.corrupt(world.schedule("Unreadable", now, now.plusSeconds(600)).id);
        try (WebinarSimulator webinar = new WebinarSimulator(world, "contract-token")) {
            Map<String, String> settings = new LinkedHashMap<>();
            vendors.forEach(v -> settings.putAll(v.settings()));
            settings.put("sessionflow.webinar.base-url", webinar.baseUrl());
            settings.put("sessionflow.webinar.token", "contract-token");
            settings.put("sessionflow.webinar.poll-interval", "500ms");
            List<Scenario> scenarios = new ArrayList<>(vendors.stream().map(DemoVendor::scenario).toList());
            scenarios.add(new WebinarScenario(world));
            try (Pipeline pipeline = Pipeline.start(settings)) {
                Path token = Files.createTempFile("contract-token", ".txt");
                Files.writeString(token, "contract-token");
                accounts(pipeline, "add", "webinar", "second", "base-url=" + webinar.baseUrl(),
                        "token=${file:" + token + "}", "poll-interval=500ms");
                Path wrong = Files.writeString(Files.createTempFile("wrong-token", ".txt"), "not-the-token");
                accounts(pipeline, "add", "webinar", "refused", "base-url=" + webinar.baseUrl(),
                        "token=${file:" + wrong + "}", "poll-interval=500ms");
                Map<String, List<ConsumerRecord<String, byte[]>>> records =
                        runUntilEveryMessageIsSeen(pipeline, scenarios);
                records.forEach(this::assertKeepsTheContract);
            }
        } finally {
            vendors.forEach(DemoVendor::close);
        }
    }

    /** {@code sessionflow accounts ...} against the pipeline's cluster, as an operator runs it. */
    private static void accounts(Pipeline pipeline, String... args) {
        Map<String, String> settings = Map.of(
                "sessionflow.kafka.bootstrap-servers",
                pipeline.app().kafka().bootstrapServers(),
                "sessionflow.cluster",
                pipeline.app().cluster().name(),
                "sessionflow.topics.state",
                pipeline.topics().state());
        new io.sessionflow.cluster.AccountsCommand(
                        io.sessionflow.config.Settings.from(Map.of(), new java.util.Properties(), settings), System.out)
                .run(args);
    }

    private Map<String, List<ConsumerRecord<String, byte[]>>> runUntilEveryMessageIsSeen(Pipeline pipeline,
                                                                                       List<Scenario> scenarios) {
        Topics t = pipeline.topics();
        Map<String, String> topicOf = Map.of("sessions.events", t.events(), "sessions.raw", t.raw(),
                "sessions.dlq", t.dlq(), "sessions.state", t.state(), "sessions.watermarks", t.watermarks(),
                "sessionflow.accounts", pipeline.app().cluster().accountsTopic());
        boolean removed = false;
        Map<String, TopicReader> readers = new HashMap<>();
        topicOf.forEach((address, topic) -> readers.put(address, pipeline.read(topic)));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            Set<String> systems = new HashSet<>();
            while (true) {
                scenarios.forEach(s -> s.tick(Instant.now()));
                Map<String, List<ConsumerRecord<String, byte[]>>> seen = new HashMap<>();
                readers.forEach((address, reader) -> seen.put(address, reader.pollFor(Duration.ofMillis(400))));
                seen.get("sessions.events").forEach(r -> systems.add(r.key().replaceAll("[:/].*", "")));
                if (!removed
                        && seen.get("sessions.events").stream()
                                .anyMatch(r -> r.key().startsWith("webinar/second:"))) {
                    accounts(pipeline, "remove", "webinar", "second");
                    removed = true;
                }
                boolean everyMessage = doc.messages().stream()
                        .allMatch(m -> seen.get(m.address()).stream().anyMatch(r -> m.keyMatches(r.key())));
                if (everyMessage && systems.size() >= 5) {
                    return seen;
                }
                assertThat(System.nanoTime()).as("every message and all five systems within 90 s; systems seen %s",
                        systems).isLessThan(deadline);
            }
        } finally {
            readers.values().forEach(TopicReader::close);
        }
    }

    private void assertKeepsTheContract(String address, List<ConsumerRecord<String, byte[]>> records) {
        List<Message> messages = doc.messages().stream().filter(m -> m.address().equals(address)).toList();
        for (ConsumerRecord<String, byte[]> r : records) {
            List<Message> matching = messages.stream().filter(m -> m.keyMatches(r.key())).toList();
            assertThat(matching).as("%s key %s matches exactly one message", address, r.key()).hasSize(1);
            Message m = matching.get(0);
            assertThat(AsyncApiDocument.violations(m.headers(), headers(r))).as("%s headers of %s", m.name(), r.key())
                    .isEmpty();
            if (r.value() == null) {
                assertThat(m.name()).as("a tombstone (%s) only where the document says a record without a value "
                        + "removes its key", r.key()).isIn("account", "sessionState", "deadLetterMark");
                continue;
            }
            JsonNode value = m.payloadRef().endsWith("raw-payload.v1.json")
                    ? JsonNodeFactory.instance.textNode(new String(r.value(), StandardCharsets.UTF_8))
                    : json(r.value());
            assertThat(m.payload().violations(value)).as("%s value of %s: %s", m.name(), r.key(),
                    new String(r.value(), StandardCharsets.UTF_8)).isEmpty();
        }
    }

    private static ObjectNode headers(ConsumerRecord<String, byte[]> r) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (Header h : r.headers()) {
            headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(value, StandardCharsets.UTF_8), e);
        }
    }
}
