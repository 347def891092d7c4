package io.sessionflow.bench;

import io.sessionflow.kafka.Topics;
import io.sessionflow.publish.BatchRecords;
import io.sessionflow.publish.TransactionalPublisher;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.SnapshotPoller;
import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.SessionTracker;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * End to end without HTTP: the end-to-end module's records in memory ({@link BenchModules#endToEnd()}), many
 * sessions changing, the real SnapshotPoller (map, tracker diff) and the real TransactionalPublisher (serialize,
 * one transaction per poll).
 */
final class PipelineStage {
    /** What the watermarks of the benchmarked polls state: a poll interval like the sources' defaults. */
    static final java.time.Duration POLL_INTERVAL = java.time.Duration.ofSeconds(30);
    private final BenchKafka kafka;
    private final BenchSizes sizes;

    record Result(double eventsPerSecond, double kafkaRecordsPerSecond, long events, Topics topics) {
    }

    PipelineStage(BenchKafka kafka, BenchSizes sizes) {
        this.kafka = kafka;
        this.sizes = sizes;
    }

    Result run() {
        Topics topics = kafka.freshTopics("pipeline");
        InMemoryVendor<?> vendor = InMemoryVendor.of(BenchModules.endToEnd(), sizes.pipelineSessions());
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        SnapshotPoller<?> poller = vendor.poller(tracker);
        BatchRecords records = new BatchRecords(topics);
        try (TransactionalPublisher publisher = new TransactionalPublisher(records,
                kafka.producers("pipeline"))) {
            // the first poll sees every session new; it warms the JIT and the producer and is not counted
            publisher.publish(poller.poll(), tracker, PipelineStage.POLL_INTERVAL);
            long events = 0;
            long kafkaRecords = 0;
            long nanos = 0;
            for (int i = 0; i < sizes.pipelinePolls(); i++) {
                // the simulated vendor changing its data is not the pipeline's work: only poll + publish count
                vendor.change(sizes.changedPerPoll());
                long start = System.nanoTime();
                PollBatch batch = poller.poll();
                publisher.publish(batch, tracker, PipelineStage.POLL_INTERVAL);
                nanos += System.nanoTime() - start;
                events += batch.events().size();
                kafkaRecords += batch.events().size() + batch.transitions().changes().size() + 1;
            }
            double seconds = nanos / 1e9;
            return new Result(events / seconds, kafkaRecords / seconds, events, topics);
        }
    }

    /**
     * The events records the measured polls publish, serialized in advance, for the raw producer to send:
     * same count, same bytes, same headers, same transaction size.
     */
    List<ProducerRecord<String, byte[]>> sameEventsSerialized() {
        return sameRecordsSerialized(true);
    }

    /**
     * Every record the measured polls publish (events, then state records and the cursor, poll by poll), for the
     * raw producer to send like for like: the pipeline writes two records per changed session.
     */
    List<ProducerRecord<String, byte[]>> sameRecordsSerialized() {
        return sameRecordsSerialized(false);
    }

    private List<ProducerRecord<String, byte[]>> sameRecordsSerialized(boolean eventsOnly) {
        Topics topics = new Topics("events", "raw", "dlq", "state", "watermarks");
        InMemoryVendor<?> vendor = InMemoryVendor.of(BenchModules.endToEnd(), sizes.pipelineSessions());
        SessionTracker tracker = new SessionTracker(new InMemoryKnownSessions());
        SnapshotPoller<?> poller = vendor.poller(tracker);
        BatchRecords records = new BatchRecords(topics);
        tracker.commit(poller.poll().transitions());
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int i = 0; i < sizes.pipelinePolls(); i++) {
            vendor.change(sizes.changedPerPoll());
            PollBatch batch = poller.poll();
            records.of(batch, POLL_INTERVAL).stream().filter(r -> !eventsOnly || r.topic().equals(topics.events())).forEach(out::add);
            tracker.commit(batch.transitions());
        }
        return out;
    }
}
