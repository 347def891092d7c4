package io.sessionflow.replay;

import io.sessionflow.source.ispring.IspringModule;

import io.sessionflow.source.seeit.SeeitModule;

import io.sessionflow.source.webinar.WebinarModule;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.publish.HeaderNames;
import io.sessionflow.replay.TestEvents.Timed;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.TopicReader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Replay reads the pipeline's records by key, headers and timestamp and parses values only when a filter or
 * the sink needs them: the output must still be exactly the published bytes, and the filters must select the
 * same events as when every record was parsed, including for records that did not come from the pipeline.
 */
class ReplayWithoutParsingTest {
    private final Instant from = Instant.parse("2026-11-20T09:00:00Z");
    private final TimeRange range = new TimeRange(from, from.plusSeconds(3600));
    private final Replay replay = new Replay(SharedKafka.bootstrapServers());

    @Test
    void jsonLinesAreThePublishedValuesByteForByteInPartitionThenOffsetOrder() {
        String topic = TestEvents.newTopic(3);
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant t = from.plusSeconds(i);
            events.add(new Timed(t, event(TestEvents.SYSTEMS.get(i % 5), "s" + i % 7, EventType.values()[i % 8], t)));
        }
        events.add(
                new Timed(from.minusSeconds(1), event(WebinarModule.SYSTEM, "before", EventType.SESSION_ENDED, from)));
        TestEvents.publish(topic, events);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = replay.run(topic, range, EventFilter.any(), new JsonLinesSink(out), Progress.none());

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        published(topic, 41).stream().filter(r -> range.contains(r.timestamp()))
                .sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(r -> {
                    expected.writeBytes(r.value());
                    expected.write('\n');
                });
        assertThat(written).isEqualTo(40);
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void partitionsLargerThanTheirQueueStillComeOutInPartitionThenOffsetOrder() {
        String topic = TestEvents.newTopic(3);
        int queued = 50;
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) { // ~200 per partition: later partitions fill their queues and wait
            Instant t = from.plusMillis(i);
            events.add(new Timed(t, event(WebinarModule.SYSTEM, "s" + i % 97, EventType.SESSION_UPDATED, t)));
        }
        TestEvents.publish(topic, events);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long written = new Replay(new TopicRangeReader(SharedKafka.bootstrapServers(), queued))
                .run(topic, range, EventFilter.any(), new JsonLinesSink(out), Progress.none());

        List<ConsumerRecord<String, byte[]>> all = published(topic, events.size());
        assertThat(all.stream().collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::partition,
                java.util.stream.Collectors.counting())).values()).hasSize(3).allMatch(n -> n > queued);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        all.stream().sorted(Comparator.<ConsumerRecord<String, byte[]>>comparingInt(ConsumerRecord::partition)
                        .thenComparingLong(ConsumerRecord::offset))
                .forEach(r -> {
                    expected.writeBytes(r.value());
                    expected.write('\n');
                });
        assertThat(written).isEqualTo(events.size());
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void keyAndTypeFiltersSelectExactlyWhatParsingEveryEventSelects() {
        String topic = TestEvents.newTopic(3);
        List<Timed> events = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Instant t = from.plusSeconds(i);
            String session = i % 3 == 0 ? "room:" + i % 4 : "s" + i % 4; // a ':' inside a session id, too
            events.add(new Timed(t, event(TestEvents.SYSTEMS.get(i % 5), session, EventType.values()[i % 8], t)));
        }
        TestEvents.publish(topic, events);
        List<EventFilter> filters = List.of(EventFilter.any(),
                new EventFilter(List.of("webinar", "seeit"), List.of(), List.of()),
                new EventFilter(List.of(), List.of("room:1", "s2"), List.of()),
                new EventFilter(List.of(), List.of(), List.of("session.started", "sessionflow.participant.left")),
                new EventFilter(List.of("storyclm"), List.of("s3", "room:2"), List.of("session.updated")));

        for (EventFilter filter : filters) {
            List<String> expectedIds = events.stream().map(Timed::event).filter(filter::accepts)
                    .map(SessionEvent::id).sorted().toList();
            assertThat(ids(jsonl(topic, filter))).as("jsonl, %s", filter).isNotEmpty()
                    .isEqualTo(expectedIds);
            assertThat(csvIds(topic, filter)).as("csv, %s", filter).isEqualTo(expectedIds);
        }
    }

    @Test
    void recordsNotFromThePipelineAreParsedAndThoseThatAreNoEventsAreSkipped() {
        String topic = TestEvents.newTopic(1);
        Instant t = from.plusSeconds(10);
        SessionEvent bare = event(SeeitModule.SYSTEM, "7", EventType.SESSION_STARTED, t);
        SessionEvent otherKey = event(IspringModule.SYSTEM, "8", EventType.SESSION_ENDED, t);
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, topic, t, "seeit:7", EventJson.toBytes(bare), false); // the pipeline's, without headers
            send(producer, topic, t, "anything", EventJson.toBytes(otherKey), false); // key says nothing
            send(producer, topic, t, "seeit:9", "not json".getBytes(StandardCharsets.UTF_8), false);
            send(producer, topic, t, null, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8), true);
            send(producer, topic, t, "seeit:10", "{\"specversion\":\"1.0\"}".getBytes(StandardCharsets.UTF_8), true);
        }

        assertThat(ids(jsonl(topic, EventFilter.any()))).containsExactlyInAnyOrder(bare.id(), otherKey.id());
        assertThat(ids(jsonl(topic, new EventFilter(List.of("ispring"), List.of("8"), List.of("session.ended")))))
                .containsExactly(otherKey.id());
        assertThat(csvIds(topic, EventFilter.any())).containsExactlyInAnyOrder(bare.id(), otherKey.id());
    }

    private byte[] jsonl(String topic, EventFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay.run(topic, range, filter, new JsonLinesSink(out), Progress.none());
        return out.toByteArray();
    }

    private List<String> csvIds(String topic, EventFilter filter) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        replay.run(topic, range, filter, new CsvSink(out), Progress.none());
        List<String> rows = out.toString(StandardCharsets.UTF_8).lines().toList();
        return rows.subList(1, rows.size()).stream().map(r -> r.split(",")[3]).sorted().toList();
    }

    private static List<String> ids(byte[] jsonl) {
        return new String(jsonl, StandardCharsets.UTF_8).lines()
                .map(l -> EventJson.parse(l.getBytes(StandardCharsets.UTF_8)).id()).sorted().toList();
    }

    private static List<ConsumerRecord<String, byte[]>> published(String topic, int count) {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topic)) {
            return reader.awaitCount(count, Duration.ofSeconds(30));
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.producer(SharedKafka.bootstrapServers()));
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, Instant at, String key,
                             byte[] value, boolean cloudEventsHeader) {
        ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, null, at.toEpochMilli(), key, value);
        if (cloudEventsHeader) {
            r.headers().add(HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON.getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer.send(r).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
