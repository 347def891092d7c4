package io.sessionflow.delivery;

import io.sessionflow.delivery.ClusterTest.Uncommitted;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.KafkaClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What a topic holds, read as a consumer would: committed only, or everything written, aborted included. */
final class RawRecords {
    private RawRecords() {
    }

    static Set<Uncommitted> committed(String bootstrap, String topic) {
        return positions(bootstrap, topic, "read_committed");
    }

    static Set<Uncommitted> uncommitted(String bootstrap, String topic) {
        return positions(bootstrap, topic, "read_uncommitted");
    }

    /**
     * Records of an open transaction of one of these transactional ids, by their keys: written to the log (up to the
     * high watermark) but beyond the last stable offset, while the transaction is still ongoing (not already being
     * committed), so no read_committed consumer can see them yet and only an abort can end it now.
     */
    static List<Uncommitted> openTransactions(String bootstrap, String topic, Set<String> keys,
                                              Set<String> transactionalIds) {
        List<Uncommitted> open = new ArrayList<>();
        if (!ongoing(bootstrap, transactionalIds)) {
            return open;
        }
        try (KafkaConsumer<String, byte[]> committed = consumer(bootstrap, "read_committed");
             KafkaConsumer<String, byte[]> all = consumer(bootstrap, "read_uncommitted")) {
            List<TopicPartition> partitions = partitions(all, topic);
            Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
            Map<TopicPartition, Long> written = all.endOffsets(partitions);
            for (TopicPartition p : partitions) {
                long from = stable.get(p);
                long to = written.get(p);
                if (from < to) {
                    all.assign(List.of(p));
                    all.seek(p, from);
                    while (all.position(p) < to) {
                        for (ConsumerRecord<String, byte[]> r : all.poll(Duration.ofMillis(100))) {
                            if (r.offset() < to && keys.contains(r.key())) {
                                open.add(new Uncommitted(r.partition(), r.offset()));
                            }
                        }
                    }
                }
            }
        }
        return open;
    }

    /** For a test that waited in vain: each partition's stable and written end, and the transactions still open. */
    static String diagnose(String bootstrap, String topic) {
        StringBuilder out = new StringBuilder();
        try (KafkaConsumer<String, byte[]> committed = consumer(bootstrap, "read_committed");
             KafkaConsumer<String, byte[]> all = consumer(bootstrap, "read_uncommitted");
             org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                     KafkaClients.base(bootstrap))) {
            List<TopicPartition> partitions = partitions(all, topic);
            Map<TopicPartition, Long> stable = committed.endOffsets(partitions);
            Map<TopicPartition, Long> written = all.endOffsets(partitions);
            partitions.forEach(p -> out.append(p).append(" stable ").append(stable.get(p)).append(" written ")
                    .append(written.get(p)).append('\n'));
            var open = admin.listTransactions().all().get(10, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .filter(t -> t.state() == org.apache.kafka.clients.admin.TransactionState.ONGOING)
                    .map(t -> t.transactionalId()).toList();
            out.append("ongoing transactions: ").append(open).append('\n');
            if (!open.isEmpty()) {
                admin.describeTransactions(open).all().get(10, java.util.concurrent.TimeUnit.SECONDS)
                        .forEach((id, t) -> out.append(id).append(" since ").append(Instant.ofEpochMilli(
                                t.transactionStartTimeMs().orElse(0L))).append(" producer ").append(t.producerId())
                                .append(" epoch ").append(t.producerEpoch()).append(" on ").append(t.topicPartitions())
                                .append('\n'));
            }
        } catch (Exception e) {
            out.append("diagnosis failed: ").append(e);
        }
        return out.toString();
    }

    private static boolean ongoing(String bootstrap, Set<String> transactionalIds) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                KafkaClients.base(bootstrap))) {
            var described =
                    admin.describeTransactions(transactionalIds).all().get(10, java.util.concurrent.TimeUnit.SECONDS);
            return described.values().stream().anyMatch(t -> t.state()
                    == org.apache.kafka.clients.admin.TransactionState.ONGOING && !t.topicPartitions().isEmpty());
        } catch (Exception e) {
            return false;
        }
    }

    /** Each removal mark in the state topic, at the time its record was written. */
    static Map<SourceAccount, Instant> removalMarks(String bootstrap, String stateTopic) {
        Map<SourceAccount, Instant> marks = new HashMap<>();
        read(bootstrap, stateTopic, "read_committed", (r, p) -> {
            if (r.key() != null && r.key().startsWith("removed:")) {
                marks.put(
                        SourceAccount.parse(r.key().substring("removed:".length())),
                        Instant.ofEpochMilli(r.timestamp()));
            }
        });
        return marks;
    }

    static List<Instant> timestampsOfKeyPrefix(String bootstrap, String topic, String prefix) {
        List<Instant> times = new ArrayList<>();
        read(bootstrap, topic, "read_committed", (r, p) -> {
            if (r.key() != null && r.key().startsWith(prefix)) {
                times.add(Instant.ofEpochMilli(r.timestamp()));
            }
        });
        return times;
    }

    private static Set<Uncommitted> positions(String bootstrap, String topic, String isolation) {
        Set<Uncommitted> seen = new HashSet<>();
        read(bootstrap, topic, isolation, (r, p) -> seen.add(new Uncommitted(r.partition(), r.offset())));
        return seen;
    }

    private static void read(String bootstrap, String topic, String isolation,
                             BiConsumer<ConsumerRecord<String, byte[]>, TopicPartition> sink) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap, isolation)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    sink.accept(r, new TopicPartition(r.topic(), r.partition()));
                }
            }
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap, String isolation) {
        Properties p = KafkaClients.base(bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
