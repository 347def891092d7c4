package io.sessionflow.publish;

import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.PollBatch;
import io.sessionflow.track.Forgotten;
import io.sessionflow.track.SessionTracker;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.sessionflow.source.http.LogSafe;
import io.sessionflow.trace.TraceAttributes;
import io.sessionflow.trace.TraceHeaders;
import io.sessionflow.trace.Tracing;
import java.time.Duration;
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
 * state commit together or not at all, and the account's tracker remembers only what was committed. Batches are
 * published one at a time, since a transactional producer has one open transaction. One publisher per shard: its
 * transactional id belongs to the shard, so the shard's next owner fences this one ({@link FencedException}).
 *
 * <p>Not camel-kafka's transactions: those commit when the exchange completes, after the route's later
 * steps, so the tracker could remember a batch whose commit then failed.
 */
public final class TransactionalPublisher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);
    private final BatchRecords records;
    private final Supplier<Producer<String, byte[]>> producers;
    private final Tracer tracer;
    private final Ownership ownership;
    private Producer<String, byte[]> producer;
    private boolean initialized;
    private boolean fenced;
    private boolean closed;

    public TransactionalPublisher(BatchRecords records, Supplier<Producer<String, byte[]>> producers) {
        this(records, producers, Tracing.OFF);
    }

    /** @param tracing a span per transaction, whose trace context every record of it carries */
    public TransactionalPublisher(BatchRecords records, Supplier<Producer<String, byte[]>> producers, Tracing tracing) {
        this(records, producers, tracing, () -> true);
    }

    /**
     * @param ownership asked before a producer is made again after a failed commit: a new producer fences whoever
     *                  holds the id, so only the id's current owner may make one (an instance that was frozen past its
     *                  session would otherwise fence the shard's new owner and publish beside it)
     */
    public TransactionalPublisher(BatchRecords records, Supplier<Producer<String, byte[]>> producers, Tracing tracing,
                                  Ownership ownership) {
        this.records = records;
        this.producers = producers;
        this.tracer = tracing.tracer();
        this.ownership = ownership;
    }

    /** Whether this instance still holds the transactional id, as the group's coordinator says now. */
    public interface Ownership {
        /** @throws RuntimeException when that cannot be known now */
        boolean stillOwned();
    }

    /** Another producer took over this publisher's transactional id: nothing it sends commits any more. */
    public static final class FencedException extends IllegalStateException {
        FencedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static Supplier<Producer<String, byte[]>> kafkaProducers(Properties client, String transactionalId) {
        return () -> {
            Properties p = new Properties();
            p.putAll(client);
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

    /**
     * Creates the producer and initialises its transactions, which fences the previous holder of the id and aborts
     * its open transaction: after this, what is committed under the id is final until this publisher commits.
     */
    public synchronized void initialize() {
        producer();
    }

    /**
     * Commits the batch, then lets {@code tracker} remember it.
     *
     * @param pollInterval how often the account's route runs, stated in its watermark
     * @return the batch as committed: without the dead letters that were published before, so nothing counts them twice
     */
    public synchronized PollBatch publish(PollBatch polled, SessionTracker tracker, Duration pollInterval) {
        PollBatch batch = withoutRepeatedDeadLetters(polled, tracker);
        Span span = tracer.spanBuilder("publish " + batch.account()).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka").setAttribute("messaging.operation.type", "send")
                .setAttribute(TraceAttributes.SYSTEM, batch.system().id())
                .setAttribute(TraceAttributes.ACCOUNT, batch.account().account())
                .setAttribute("sessionflow.events", batch.events().size())
                .setAttribute("sessionflow.dead_letters", batch.deadLetters().size()).startSpan();
        try (Scope scope = span.makeCurrent()) {
            return commit(batch, tracker, records.of(batch, pollInterval, TraceHeaders.currentTraceparent()));
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, LogSafe.of(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    private PollBatch commit(PollBatch batch, SessionTracker tracker,
                             List<ProducerRecord<String, byte[]>> batchRecords) {
        if (batchRecords.isEmpty()) {
            return batch;
        }
        if (closed) {
            throw new IllegalStateException("the " + batch.account() + " batch was not published: its shard left "
                    + "this instance; the account's new owner polls it again");
        }
        if (fenced) {
            throw new FencedException("the " + batch.account() + " batch was not published: another instance "
                    + "took over its shard", null);
        }
        Producer<String, byte[]> p = producer();
        try {
            p.beginTransaction();
            batchRecords.forEach(p::send);
            p.commitTransaction();
        } catch (ProducerFencedException | org.apache.kafka.common.errors.InvalidProducerEpochException e) {
            // a new producer would fence the other instance in turn: stop instead of fighting over the id
            fenced = true;
            discardProducer();
            throw new FencedException("fenced: another instance took over the shard of " + batch.account()
                    + "; this batch is not published, the new owner polls the account again", e);
        } catch (KafkaException e) {
            // whatever state the transaction is in, a new producer aborts it (initTransactions) and starts clean
            discardProducer();
            throw new IllegalStateException("Kafka did not commit the " + batch.account()
                    + " batch; it will be published again by the next poll: " + e.getMessage(), e);
        }
        tracker.commit(batch.system(), batch.transitions(), batch.polledAt());
        batch.deadLetters().forEach(d -> tracker.known().deadLettered(List.of(d.fingerprint(batch.account())), d.at()));
        if (!batch.events().isEmpty() || !batch.deadLetters().isEmpty()) {
            LOG.info("{}: committed {} events, {} raw payloads, {} dead letters, {} state records", batch.account(),
                    batch.events().size(), batch.raw().size(), batch.deadLetters().size(),
                    batch.transitions().changes().size());
        }
        Forgotten forgotten = batch.transitions().forgotten();
        if (!forgotten.isEmpty()) {
            LOG.info("{}: forgot {} closed sessions and {} dead letters (tombstones committed)", batch.account(),
                    forgotten.sessions().size(), forgotten.deadLetters().size());
        }
        return batch;
    }

    /**
     * Commits the mark that {@code account} was removed and stopped here: the cut after which nothing of it is
     * published. A failure is logged; the removal itself stands (the account is stopped either way).
     */
    public synchronized void publishRemoval(io.sessionflow.event.SourceAccount account) {
        if (!publishAlone(records.removal(account, java.time.Instant.now()))) {
            LOG.warn("{} was removed and stopped, but its removal mark was not committed", account);
        }
    }

    /** Commits the account's last failure, for {@code sessionflow cluster}; a failure to do so is not an error. */
    public synchronized void publishFailure(io.sessionflow.event.SourceAccount account, String error) {
        publishAlone(records.failure(account, java.time.Instant.now(), error));
    }

    private boolean publishAlone(ProducerRecord<String, byte[]> record) {
        if (closed || fenced) {
            return false;
        }
        String traceparent = TraceHeaders.currentTraceparent();
        if (traceparent != null) {
            record.headers().add(TraceHeaders.TRACEPARENT, traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        }
        try {
            Producer<String, byte[]> p = producer();
            p.beginTransaction();
            p.send(record);
            p.commitTransaction();
            return true;
        } catch (KafkaException e) {
            discardProducer();
            LOG.debug("{} not committed: {}", record.key(), e.getMessage());
            return false;
        }
    }

    /** A record that stays bad is dead-lettered once, not again on every poll that lists it. */
    private static PollBatch withoutRepeatedDeadLetters(PollBatch batch, SessionTracker tracker) {
        java.util.Map<String, DeadLetter> fresh = new java.util.LinkedHashMap<>();
        for (DeadLetter d : batch.deadLetters()) {
            String fingerprint = d.fingerprint(batch.account());
            if (!tracker.known().wasDeadLettered(fingerprint)) {
                fresh.putIfAbsent(fingerprint, d);
            }
        }
        return fresh.size() == batch.deadLetters().size() ? batch : batch.withDeadLetters(List.copyOf(fresh.values()));
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            if (initialized && !ownership.stillOwned()) {
                fenced = true;
                throw new FencedException("the group no longer gives this instance the shard: its producer is not "
                        + "made again, the new owner polls its accounts", null);
            }
            producer = producers.get();
            initialized = true;
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

    /** After the last batch: an open transaction is impossible here (publish is synchronized), so none is cut. */
    @Override
    public synchronized void close() {
        closed = true;
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(10));
            } catch (RuntimeException e) {
                LOG.debug("closing a producer failed: {}", e.toString());
            }
            producer = null;
        }
    }

    /**
     * The shard is lost (another instance may own it already): nothing more is committed; the producer is closed
     * without waiting, and its open transaction, if any, is aborted by the next owner's {@link #initialize()}.
     */
    public void abandon() {
        closed = true;
        Producer<String, byte[]> p = producer;
        if (p != null) {
            try {
                p.close(java.time.Duration.ZERO);
            } catch (RuntimeException e) {
                LOG.debug("closing an abandoned producer failed: {}", e.toString());
            }
        }
    }
}
