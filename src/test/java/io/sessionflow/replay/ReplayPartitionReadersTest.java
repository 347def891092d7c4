package io.sessionflow.replay;

import static io.sessionflow.replay.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.EventType;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.testing.SharedKafka;
import io.sessionflow.testing.Wait;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Replay reads each partition with a consumer of its own on a thread of its own: the output must still be partition
 * then offset order, skip empty partitions, aborted transactions and records outside the range, end at an open
 * transaction, count every offset once, and stop its readers when the writer fails.
 */
class ReplayPartitionReadersTest {
    private final Instant from = Instant.now().minus(Duration.ofHours(1));
    private final TimeRange range = new TimeRange(from, Instant.now().plus(Duration.ofMinutes(10)));

    @Test
    void emptyPartitionsAbortedAndOpenTransactionsAndTheRangeEndAreHonouredInPartitionOrder() throws Exception {
        String topic = TestEvents.newTopic(4); // partition 1 stays empty
        List<String> expected = new ArrayList<>();
        try (KafkaProducer<String, byte[]> committed = producer("committed-" + topic);
             KafkaProducer<String, byte[]> open = producer("open-" + topic)) {
            committed.initTransactions();
            open.initTransactions();
            for (int round = 0; round < 3; round++) {
                committed.beginTransaction();
                for (int partition : new int[]{3, 0, 2}) {
                    String id = "p" + partition + "-r" + round;
                    send(committed, topic, partition, from.plusSeconds(round), id);
                    expected.add(id);
                }
                committed.commitTransaction();
                committed.beginTransaction();
                send(committed, topic, 0, from.plusSeconds(round), "aborted-" + round);
                send(committed, topic, 2, from.plusSeconds(round), "aborted-" + round);
                committed.abortTransaction();
            }
            committed.beginTransaction();
            send(committed, topic, 3, range.to(), "after-the-range");
            committed.commitTransaction();
            awaitMarkersWritten(topic);
            open.beginTransaction();
            send(open, topic, 0, from.plusSeconds(5), "still-open");
            open.flush();

            List<String> written = new ArrayList<>();
            long[] offsets = {-1, 0};
            new TopicRangeReader(SharedKafka.bootstrapServers(), 2).read(topic, range, new Progress() {
                @Override
                public void begin(long total) {
                    offsets[0] = total;
                }

                @Override
                public void advance(long passed, long records) {
                    offsets[1] += passed;
                }

                @Override
                public void end() {
                }
            }, r -> written.add(EventJson.parse(r.value()).data().sessionId()));

            expected.sort(null); // p0-..., p2-..., p3-...: partition, then offset (= round)
            assertThat(written).isEqualTo(expected);
            assertThat(offsets[1]).as("every offset of the range passed once, markers included")
                    .isEqualTo(offsets[0]).isGreaterThan(expected.size());
            open.abortTransaction();
        }
    }

    /**
     * Two producers on one partition (two instances' shards): the first commits a record stamped just after the
     * boundary, the second then commits one stamped just before it. Of two consecutive ranges, exactly one holds
     * each record.
     */
    @Test
    void aRecordStampedBeforeTheBoundaryButWrittenAfterALaterOneIsInTheEarlierRange() throws Exception {
        String topic = TestEvents.newTopic(1);
        Instant boundary = Instant.now().minus(Duration.ofMinutes(30));
        try (KafkaProducer<String, byte[]> first = producer("first-" + topic);
             KafkaProducer<String, byte[]> second = producer("second-" + topic)) {
            first.initTransactions();
            second.initTransactions();
            first.beginTransaction();
            send(first, topic, 0, boundary.plusMillis(20), "stamped-after");
            first.commitTransaction();
            second.beginTransaction();
            send(second, topic, 0, boundary.minusMillis(20), "stamped-before");
            second.commitTransaction();
        }
        awaitMarkersWritten(topic);

        assertThat(sessionIds(topic, new TimeRange(boundary.minus(Duration.ofHours(1)), boundary)))
                .containsExactly("stamped-before");
        assertThat(sessionIds(topic, new TimeRange(boundary, boundary.plus(Duration.ofHours(1)))))
                .containsExactly("stamped-after");
    }

    private static List<String> sessionIds(String topic, TimeRange range) {
        List<String> ids = new ArrayList<>();
        new TopicRangeReader(SharedKafka.bootstrapServers()).read(topic, range, Progress.none(),
                r -> ids.add(EventJson.parse(r.value()).data().sessionId()));
        return ids;
    }

    @Test
    void aFailingWriterStopsEveryPartitionsReader() {
        String topic = TestEvents.newTopic(3);
        List<TestEvents.Timed> events = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            events.add(new TestEvents.Timed(from.plusMillis(i),
                    event(WebinarModule.SYSTEM, "s" + i % 31, EventType.SESSION_UPDATED, from.plusMillis(i))));
        }
        TestEvents.publish(topic, events);

        assertThatThrownBy(() -> new TopicRangeReader(SharedKafka.bootstrapServers(), 5).read(topic, range,
                Progress.none(), r -> {
                    throw new IllegalStateException("the sink broke");
                })).hasMessage("the sink broke");
        Wait.await("no reader of " + topic + " left running").atMost(Duration.ofSeconds(5))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("replay-" + topic)));
    }

    /**
     * A commit returns before the partitions' markers are written, and until then a read_committed reader's end
     * (the last stable offset) stays before the transaction: replay would rightly stop there.
     */
    private static void awaitMarkersWritten(String topic) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.base(SharedKafka.bootstrapServers()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            Wait.await("every transaction's markers written to " + topic).atMost(Duration.ofSeconds(30))
                    .until(() -> stableEnds(partitions).equals(consumer.endOffsets(partitions)));
        }
    }

    private static Map<TopicPartition, Long> stableEnds(List<TopicPartition> partitions) {
        Properties p = BulkReadSettings.of(SharedKafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            return consumer.endOffsets(partitions);
        }
    }

    private static KafkaProducer<String, byte[]> producer(String transactionalId) {
        Properties p = new Properties();
        p.putAll(io.sessionflow.kafka.KafkaClients.producer(SharedKafka.bootstrapServers()));
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, int partition, Instant time,
                             String sessionId) {
        byte[] value = EventJson.toBytes(event(WebinarModule.SYSTEM, sessionId, EventType.SESSION_UPDATED, time));
        producer.send(new ProducerRecord<>(topic, partition, time.toEpochMilli(), "webinar:" + sessionId, value));
    }
}
