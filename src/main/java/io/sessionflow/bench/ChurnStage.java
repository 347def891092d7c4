package io.sessionflow.bench;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.webinar.WebinarModule;
import io.sessionflow.source.webinar.WebinarPayload;
import io.sessionflow.track.Forgetting;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.MissingPolicy;
import io.sessionflow.track.SessionTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A long churn of sessions that start and end, one poll per simulated day through the real poller, tracker
 * (forgetting on) and transactional publisher: what the tracker remembers, the heap, and the state topic as
 * compaction leaves it (the latest record per key, tombstones removing theirs: what a restore reads) are
 * sampled three times. Without forgetting, each would grow with every session ever seen.
 */
final class ChurnStage {
    /** The churning vendor's list holds two days; forgetting never comes earlier. */
    private static final Duration LISTED = Duration.ofDays(2);
    private final BenchKafka kafka;
    private final BenchSizes sizes;

    record Sample(int day, int tracked, long heapBytes, int stateKeys, long stateBytes, long stateRecords) {
    }

    ChurnStage(BenchKafka kafka, BenchSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    List<Sample> run() {
        Topics topics = kafka.freshTopics("churn");
        InMemoryKnownSessions known = new InMemoryKnownSessions();
        SessionTracker tracker = new SessionTracker(known, new Forgetting(Duration.ofDays(sizes.churnForgetDays()),
                LISTED));
        @SuppressWarnings("unchecked")
        BenchRecords<WebinarPayload> records = (BenchRecords<WebinarPayload>) new WebinarModule().benchRecords()
                .orElseThrow();
        ChurningVendor<WebinarPayload> vendor = new ChurningVendor<>(records, sizes.churnPerDay());
        DayClock clock = new DayClock();
        SnapshotPoller<WebinarPayload> poller = new SnapshotPoller<>(SourceAccount.defaultOf(WebinarModule.SYSTEM),
                vendor, records.mapper(), MissingPolicy.IGNORE, tracker, clock);
        List<Sample> samples = new ArrayList<>();
        int every = sizes.churnDays() / 3;
        try (TransactionalPublisher publisher = new TransactionalPublisher(new BatchRecords(topics),
                kafka.producers("churn"))) {
            for (int day = 1; day <= sizes.churnDays(); day++) {
                clock.now = vendor.nextDay();
                publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
                if (day % every == 0) {
                    long heap = ScalingStage.usedHeapAfterGc();
                    samples.add(compacted(topics.state(), day, known.size(), heap));
                }
            }
        }
        return samples;
    }

    private Sample compacted(String topic, int day, int tracked, long heap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        Map<String, Integer> latest = new HashMap<>();
        long records = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    if (r.value() == null) {
                        latest.remove(r.key());
                    } else {
                        latest.put(r.key(), r.key().length() + r.value().length);
                    }
                }
            }
        }
        long bytes = latest.values().stream().mapToLong(Integer::longValue).sum();
        return new Sample(day, tracked, heap, latest.size(), bytes, records);
    }

    /** The simulated day's time: the poller reads it once per poll. */
    private static final class DayClock extends Clock {
        private volatile Instant now = ChurningVendor.DAY_ZERO;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
