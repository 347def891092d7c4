package io.sessionflow.bench;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.kafka.TopicToEnd;
import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.BenchRecords;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.source.SourceModule;
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
        SourceModule module = BenchModules.endToEnd();
        return run(module.system(), module.benchRecords().orElseThrow());
    }

    /** The end-to-end module's records churning, through its mapper. */
    private <R> List<Sample> run(SystemId system, BenchRecords<R> records) {
        Topics topics = kafka.freshTopics("churn");
        InMemoryKnownSessions known = new InMemoryKnownSessions();
        SessionTracker tracker = new SessionTracker(known, new Forgetting(Duration.ofDays(sizes.churnForgetDays()),
                LISTED));
        ChurningVendor<R> vendor = new ChurningVendor<>(records, sizes.churnPerDay());
        DayClock clock = new DayClock();
        SnapshotPoller<R> poller = new SnapshotPoller<>(SourceAccount.defaultOf(system), vendor, records.mapper(),
                MissingPolicy.IGNORE, tracker, clock);
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
        Map<String, Integer> latest = new HashMap<>();
        long records = TopicToEnd.read(KafkaClients.base(kafka.bootstrap()), topic, Duration.ofSeconds(30), r -> {
            if (r.value() == null) {
                latest.remove(r.key());
            } else {
                latest.put(r.key(), r.key().length() + r.value().length);
            }
        });
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
