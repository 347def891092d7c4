package io.sessionflow.publish;

import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.PollBatch;
import io.sessionflow.track.Forgotten;
import io.sessionflow.track.SessionTracker;
import java.util.List;
import java.util.Properties;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one poll's batch in one Kafka transaction: raw payloads, events, dead letters and the tracker
 * state commit together or not at all, and the tracker remembers only what was committed. Batches are
 * published one at a time, since a transactional producer has one open transaction.
 *
 * <p>Not camel-kafka's transactions: those commit when the exchange completes, after the route's later
 * steps, so the tracker could remember a batch whose commit then failed.
 */
public final class TransactionalPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
    private final BatchRecords records;
    private final SessionTracker tracker;
    private final Supplier<Producer<String, byte[]>> producers;
    private Producer<String, byte[]> producer;
    private boolean fenced;

    public TransactionalPublisher(BatchRecords records, SessionTracker tracker,
                                  Supplier<Producer<String, byte[]>> producers) {
        this.records = records;
        this.tracker = tracker;
        this.producers = producers;
    }

    public static Supplier<Producer<String, byte[]>> kafkaProducers(String bootstrap, String transactionalId) {
        return () -> {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            // batches fill for up to 5 ms, but never delay a commit: commitTransaction makes every pending batch
            // sendable at once (the accumulator treats a completing transaction like a flush)
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            // a broker outage fails the poll within this bound; the next poll publishes the same batch again
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "8000");
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
            p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "60000");
            KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                    new ByteArraySerializer());
            try {
                producer.initTransactions();
            } catch (RuntimeException e) {
                producer.close(java.time.Duration.ZERO);
                throw e;
            }
            return producer;
        };
    }

    public synchronized void publish(PollBatch polled) {
        PollBatch batch = withoutRepeatedDeadLetters(polled);
        List<ProducerRecord<String, byte[]>> batchRecords = records.of(batch);
        if (batchRecords.isEmpty()) {
            return;
        }
        if (fenced) {
            throw new IllegalStateException("fenced by another instance with the same transactional id; "
                    + "not publishing (restart with its own SESSIONFLOW_INSTANCE_ID)");
        }
        Producer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            batchRecords.forEach(p::send);
            p.commitTransaction();
        } catch (ProducerFencedException e) {
            // a new producer would fence the other instance in turn: stop instead of fighting over the id
            fenced = true;
            discardProducer();
            throw new IllegalStateException("another Sessionflow instance took over this transactional id; "
                    + "this one publishes nothing more until restarted with its own SESSIONFLOW_INSTANCE_ID", e);
        } catch (KafkaException e) {
            // whatever state the transaction is in, a new producer aborts it (initTransactions) and starts clean
            discardProducer();
            throw new IllegalStateException("Kafka did not commit the " + batch.system().id()
                    + " batch; it will be published again by the next poll: " + e.getMessage(), e);
        }
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
        batch.deadLetters().forEach(d -> tracker.known().deadLettered(d.system(), List.of(d.fingerprint()), d.at()));
        if (!batch.events().isEmpty() || !batch.deadLetters().isEmpty()) {
            LOG.info("{}: committed {} events, {} raw payloads, {} dead letters, {} state records", batch.system().id(),
                    batch.events().size(), batch.raw().size(), batch.deadLetters().size(),
                    batch.transitions().changes().size());
        }
        Forgotten forgotten = batch.transitions().forgotten();
        if (!forgotten.isEmpty()) {
            LOG.info("{}: forgot {} closed sessions and {} dead letters (tombstones committed)", batch.system().id(),
                    forgotten.sessions().size(), forgotten.deadLetters().size());
        }
    }

    /** A record that stays bad is dead-lettered once, not again on every poll that lists it. */
    private PollBatch withoutRepeatedDeadLetters(PollBatch batch) {
        java.util.Map<String, DeadLetter> fresh = new java.util.LinkedHashMap<>();
        for (DeadLetter d : batch.deadLetters()) {
            String fingerprint = d.fingerprint();
            if (!tracker.known().wasDeadLettered(fingerprint)) {
                fresh.putIfAbsent(fingerprint, d);
            }
        }
        return fresh.size() == batch.deadLetters().size() ? batch : batch.withDeadLetters(List.copyOf(fresh.values()));
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    private void discardProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(1));
            } catch (RuntimeException ignored) {
                // closing a broken producer may fail too; the next one starts from initTransactions
            }
            producer = null;
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(10));
            producer = null;
        }
    }
}
