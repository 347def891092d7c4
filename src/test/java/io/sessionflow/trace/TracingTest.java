package io.sessionflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.publish.CloudEventTrace;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.TopicReader;
import io.sessionflow.testing.Wait;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tracing through the real path: the pipeline with the SDK's in-memory exporter polls a simulated webinar.ru; a
 * consumer of the events topic continues the poll's trace from the record's header, as any OpenTelemetry consumer
 * would. Without tracing, records carry neither header nor extension.
 */
class TracingTest {
    private static final String TOKEN = "trace-token";
    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return StreamSupport.stream(headers.spliterator(), false).map(Header::key).toList();
        }

        @Override
        public String get(Headers headers, String key) {
            Header h = headers == null ? null : headers.lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build()).build();
    private final WebinarWorld world = new WebinarWorld();

    @AfterEach
    void shutdown() {
        sdk.close();
    }

    @Test
    void aConsumerOfTheEventsContinuesTheTraceOfThePollThatPublishedThem() throws Exception {
        world.schedule("Traced", Instant.now(), Instant.now().plusSeconds(600));
        try (WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
             Pipeline pipeline = Pipeline.start(settings(vendor), Clock.systemUTC(), Tracing.of(sdk));
             TopicReader events = pipeline.read(pipeline.topics().events())) {
            ConsumerRecord<String, byte[]> record = events.awaitCount(1, Duration.ofSeconds(30)).get(0);

            // the consumer: its span's parent is whatever the record's traceparent header names
            Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), record.headers(),
                    KAFKA_HEADERS);
            Tracer consumerTracer = sdk.getTracer("a-consumer");
            Span consumed = consumerTracer.spanBuilder("process " + record.key()).setParent(parent)
                    .setSpanKind(SpanKind.CONSUMER).startSpan();
            consumed.end();

            SpanData consumer = span("process " + record.key());
            SpanData publish = spanWithId(consumer.getParentSpanId());
            assertThat(publish.getName()).isEqualTo("publish webinar/default");
            assertThat(publish.getKind()).isEqualTo(SpanKind.PRODUCER);
            SpanData poll = spanWithId(publish.getParentSpanId());
            assertThat(poll.getName()).isEqualTo("webinar-rest-poll");
            assertThat(poll.getParentSpanContext().isValid()).as("a poll starts its own trace").isFalse();
            assertThat(consumer.getTraceId()).isEqualTo(poll.getTraceId());
            assertThat(exported.getFinishedSpanItems()).as("the poll's vendor requests, each its own span")
                    .filteredOn(s -> s.getParentSpanId().equals(poll.getSpanId()) && s.getKind() == SpanKind.CLIENT)
                    .extracting(SpanData::getName).contains("webinar GET");

            // the event carries the same trace as its CloudEvents extension, valid against the contract's schema
            String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
            JsonNode event = EventJson.mapper().readTree(record.value());
            assertThat(event.path("traceparent").asText()).isEqualTo(header);
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(SchemaLocation.of("classpath:schema/session-event.v1.json")).validate(event)).isEmpty();
            // and is the same event without it: id and bytes as with tracing off
            SessionEvent parsed = EventJson.parse(record.value());
            assertThat(CloudEventTrace.without(record.value())).isEqualTo(EventJson.toBytes(parsed));

            for (String topic : List.of(pipeline.topics().raw(), pipeline.topics().state(),
                    pipeline.topics().watermarks())) {
                try (TopicReader reader = pipeline.read(topic)) {
                    assertThat(reader.awaitCount(1, Duration.ofSeconds(30)))
                            .as("every record on %s carries the trace", topic)
                            .allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNotNull());
                }
            }
        }
    }

    @Test
    void withTracingOffRecordsCarryNoTraceAndNothingIsRecorded() {
        world.schedule("Untraced", Instant.now(), Instant.now().plusSeconds(600));
        try (WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
             Pipeline pipeline = Pipeline.start(settings(vendor));
             TopicReader events = pipeline.read(pipeline.topics().events())) {
            ConsumerRecord<String, byte[]> record = events.awaitCount(1, Duration.ofSeconds(30)).get(0);
            assertThat(record.headers().lastHeader("traceparent")).isNull();
            assertThat(record.value()).isEqualTo(EventJson.toBytes(EventJson.parse(record.value())));
            try (TopicReader watermarks = pipeline.read(pipeline.topics().watermarks())) {
                assertThat(watermarks.awaitCount(1, Duration.ofSeconds(30)))
                        .allSatisfy(r -> assertThat(r.headers().lastHeader("traceparent")).isNull());
            }
        }
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    @Test
    void onlyAnOtelVariableOrPropertyTurnsTracingOn() {
        Properties none = new Properties();
        none.setProperty("java.version", "17");
        assertThat(Tracing.fromEnvironment(Map.of("PATH", "/usr/bin", "SESSIONFLOW_OBSERVE_PORT", "8081"), none))
                .isSameAs(Tracing.OFF);
        assertThat(Tracing.configured(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", ""), none)).as("blank").isFalse();
        assertThat(Tracing.configured(Map.of("OTEL_SERVICE_NAME", "sf"), none)).isTrue();
        Properties otel = new Properties();
        otel.setProperty("otel.traces.exporter", "none");
        assertThat(Tracing.configured(Map.of(), otel)).isTrue();
    }

    private static Map<String, String> settings(WebinarSimulator vendor) {
        return Map.of("sessionflow.webinar.base-url", vendor.baseUrl(), "sessionflow.webinar.token", TOKEN,
                "sessionflow.webinar.poll-interval", "500ms");
    }

    private SpanData span(String name) {
        return awaitSpan(s -> s.getName().equals(name), "no span " + name);
    }

    /** A span ends (and is exported) when its work is done: a poll's only after its publish returned. */
    private SpanData spanWithId(String id) {
        return awaitSpan(s -> s.getSpanId().equals(id), "no span with id " + id);
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted, String otherwise) {
        try {
            return Wait.await(otherwise).atMost(Duration.ofSeconds(10))
                    .until(() -> exported.getFinishedSpanItems().stream().filter(wanted).findFirst(),
                            java.util.Optional::isPresent)
                    .get();
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError(otherwise + " in " + names(), e);
        }
    }

    private List<String> names() {
        return exported.getFinishedSpanItems().stream().map(SpanData::getName).toList();
    }
}
