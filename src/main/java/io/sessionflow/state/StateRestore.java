package io.sessionflow.state;

import io.sessionflow.track.InMemoryKnownSessions;
import io.sessionflow.track.KnownSession;
import io.sessionflow.track.SessionKeys;
import java.time.Duration;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the tracker's memory from the state topic at start: every committed record up to the end,
 * read_committed, so only state whose events were committed with it comes back.
 */
public final class StateRestore {
    private static final Logger LOG = LoggerFactory.getLogger(StateRestore.class);

    private StateRestore() {
    }

    public static InMemoryKnownSessions read(String bootstrap, String topic) {
        long started = System.nanoTime();
        InMemoryKnownSessions known = new InMemoryKnownSessions();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(60)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<String, KnownSession> sessions = new HashMap<>();
            Map<String, StateRecords.DeadLetterSeen> deadLetters = new HashMap<>();
            int records = 0;
            while (!reached(consumer, end)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    apply(r, sessions, deadLetters, known);
                }
            }
            known.apply(sessions);
            deadLetters.forEach((fingerprint, seen) -> known.deadLettered(seen.system(), List.of(fingerprint), seen.at()));
            LOG.info("restored {} tracked sessions from {} ({} records) in {} ms", sessions.size(), topic, records,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return known;
    }

    /** A tombstone (null value) removes what an earlier record of its key said: the tracker forgot it. */
    private static void apply(ConsumerRecord<String, byte[]> r, Map<String, KnownSession> sessions,
                              Map<String, StateRecords.DeadLetterSeen> deadLetters, InMemoryKnownSessions known) {
        if (StateRecords.isSession(r.key())) {
            if (r.value() == null) {
                sessions.remove(StateRecords.trackerKeyOf(r.key()));
            } else {
                KnownSession s = StateRecords.session(r.value());
                sessions.put(SessionKeys.of(s.data().system(), s.data().sessionId()), s);
            }
        } else if (StateRecords.isDeadLetter(r.key())) {
            String fingerprint = StateRecords.fingerprintOf(r.key());
            if (r.value() == null) {
                deadLetters.remove(fingerprint);
            } else {
                deadLetters.put(fingerprint, StateRecords.deadLetter(r.value()));
            }
        } else if (StateRecords.isCursor(r.key()) && r.value() != null) {
            StateRecords.Cursor c = StateRecords.cursor(r.value());
            known.advance(c.system(), c.lastPoll());
        }
    }

    /** read_committed positions stop before open transactions, so compare positions, not record counts. */
    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
