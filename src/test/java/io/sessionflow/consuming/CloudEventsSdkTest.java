package io.sessionflow.consuming;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.sessionflow.source.webinar.WebinarSimulator;
import io.sessionflow.source.webinar.WebinarWorld;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.testing.Pipeline;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * docs/consuming.md's promise: the CloudEvents SDK for Java (cloudevents-kafka + cloudevents-json-jackson) reads
 * what the real pipeline published, in structured mode (content-type application/cloudevents+json), with every
 * attribute and the data equal to our own parse of the same record.
 */
class CloudEventsSdkTest {
    private static final String TOKEN = "sdk-test-token";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void sdkParsesThePublishedRecords() throws Exception {
        WebinarWorld world = new WebinarWorld();
        Instant t0 = Instant.parse("2026-11-20T09:00:00Z");
        WebinarWorld.Session session = world.schedule("Product demo", t0, t0.plusSeconds(600));
        world.start(session.id, t0.plusSeconds(600));
        try (WebinarSimulator vendor = new WebinarSimulator(world, TOKEN);
             Pipeline pipeline = Pipeline.start(Map.of("sessionflow.webinar.base-url", vendor.baseUrl(),
                     "sessionflow.webinar.token", TOKEN, "sessionflow.webinar.poll-interval", "200ms",
                     "sessionflow.webinar.window-past", "3650d", "sessionflow.webinar.page-size", "10"))) {
            String topic = pipeline.topics().events();
            List<ConsumerRecord<String, byte[]>> ours;
            try (TopicReader reader = pipeline.read(topic)) {
                ours = reader.awaitCount(2, WAIT);
            }

            List<ConsumerRecord<String, CloudEvent>> sdk = readWithSdk(topic, ours.size());

            assertThat(sdk).hasSameSizeAs(ours);
            for (ConsumerRecord<String, CloudEvent> record : sdk) {
                CloudEvent ce = record.value();
                ConsumerRecord<String, byte[]> same = ours.stream()
                        .filter(r -> r.partition() == record.partition() && r.offset() == record.offset())
                        .findFirst().orElseThrow();
                SessionEvent expected = EventJson.parse(same.value());
                assertThat(ce.getSpecVersion()).isEqualTo(SpecVersion.V1);
                assertThat(ce.getId()).isEqualTo(expected.id());
                assertThat(ce.getType()).isEqualTo(expected.type().type());
                assertThat(ce.getSource()).isEqualTo(URI.create(expected.source()));
                assertThat(ce.getSubject()).isEqualTo(session.id);
                assertThat(ce.getTime().toInstant()).isEqualTo(expected.time());
                assertThat(ce.getDataContentType()).isEqualTo("application/json");
                assertThat(ce.getDataSchema()).isEqualTo(URI.create("urn:sessionflow:schema:session-event:v1"));
                SessionData data = EventJson.mapper().readValue(ce.getData().toBytes(), SessionData.class);
                assertThat(data).isEqualTo(expected.data());
            }
        }
    }

    private static List<ConsumerRecord<String, CloudEvent>> readWithSdk(String topic, int count) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(SharedKafka.bootstrapServers()));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, CloudEvent>> out = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
