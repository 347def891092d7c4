package io.sessionflow.publish;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.RawPayload;
import io.sessionflow.state.StateRecords;
import io.sessionflow.track.Forgotten;
import io.sessionflow.track.KnownSession;
import io.sessionflow.trace.TraceHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * One poll's batch as Kafka records: raw payloads, canonical events in per-session order, dead letters, then
 * the tracker state (tombstones of what it forgets, what it remembers) and cursor, and last the account's completeness
 * watermark. Topics come from configuration only, never from a payload. Events and state records, most of a batch,
 * are serialized on all cores ({@link InOrder}) and stay in this order. While tracing is on, every record carries the
 * publishing span's W3C {@code traceparent} header and every event the CloudEvents tracing extension
 * ({@link CloudEventTrace}); while it is off, neither exists.
 */
public final class BatchRecords {
    private final Topics topics;

    public BatchRecords(Topics topics) {
        this.topics = topics;
    }

    /** Without tracing: the records exactly as a pipeline with tracing off writes them. */
    public List<ProducerRecord<String, byte[]>> of(PollBatch batch, Duration pollInterval) {
        return of(batch, pollInterval, null);
    }

    /**
     * @param pollInterval how often the account's route runs: its next watermark is due within it
     * @param traceparent  the publishing span's W3C trace context, null while tracing is off
     */
    public List<ProducerRecord<String, byte[]>> of(PollBatch batch, Duration pollInterval, String traceparent) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        SourceAccount account = batch.account();
        // keyed by account: one account's raw records stay in one partition, in the order it polled
        String accountKey = account.prefix();
        String accountHeader = account.inData();
        for (RawPayload raw : batch.raw()) {
            out.add(record(topics.raw(), accountKey, raw.body(),
                    HeaderNames.SYSTEM, raw.system().id(), HeaderNames.ACCOUNT, accountHeader,
                    HeaderNames.ENDPOINT, raw.endpoint(),
                    HeaderNames.FETCHED_AT, raw.fetchedAt().toString(), HeaderNames.CONTENT_TYPE, raw.contentType(),
                    HeaderNames.STATUS, raw.isError() ? String.valueOf(raw.status()) : null));
        }
        out.addAll(InOrder.map(batch.events(), e -> event(e, traceparent)));
        for (DeadLetter dead : batch.deadLetters()) {
            out.add(record(topics.dlq(), accountKey, EventJson.toBytes(DeadLetterRecord.of(dead, accountHeader)),
                    HeaderNames.CONTENT_TYPE, "application/json", HeaderNames.SYSTEM, dead.system().id(),
                    HeaderNames.ACCOUNT, accountHeader, HeaderNames.ENDPOINT, dead.endpoint(),
                    HeaderNames.REASON, dead.reason()));
            out.add(record(topics.state(), StateRecords.deadLetterKey(dead.fingerprint(account)),
                    StateRecords.value(new StateRecords.DeadLettered(dead.system(), accountHeader, dead.at()))));
        }
        Forgotten forgotten = batch.transitions().forgotten();
        for (String key : forgotten.sessions()) {
            out.add(record(topics.state(), StateRecords.sessionKey(key), null));
        }
        for (String fingerprint : forgotten.deadLetters()) {
            out.add(record(topics.state(), StateRecords.deadLetterKey(fingerprint), null));
        }
        out.addAll(InOrder.map(List.copyOf(batch.transitions().changes().entrySet()), this::state));
        if (batch.polledAt() != null) {
            out.add(record(topics.state(), StateRecords.cursorKey(account),
                    StateRecords.value(new StateRecords.Cursor(batch.system(), accountHeader, batch.polledAt()))));
        }
        if (batch.watermark() != null) {
            // keyed like the raw records: one account's watermarks stay in one partition, in the order committed
            out.add(record(topics.watermarks(), accountKey,
                    EventJson.toBytes(WatermarkRecord.of(account, batch.watermark(), pollInterval)),
                    HeaderNames.CONTENT_TYPE, "application/json", HeaderNames.SYSTEM, batch.system().id(),
                    HeaderNames.ACCOUNT, accountHeader));
        }
        if (traceparent != null) {
            out.forEach(r -> r.headers().add(TraceHeaders.TRACEPARENT, traceparent.getBytes(StandardCharsets.US_ASCII)));
        }
        return out;
    }

    /** The mark that a removed account stopped on this shard: nothing of it is committed after this record. */
    public ProducerRecord<String, byte[]> removal(SourceAccount account, java.time.Instant at) {
        return record(topics.state(), StateRecords.removedKey(account), EventJson.toBytes(
                new StateRecords.Removed(account.system().id(), account.account(), at)));
    }

    /** The account's last failed poll, for the operators' view of the cluster. */
    public ProducerRecord<String, byte[]> failure(SourceAccount account, java.time.Instant at, String error) {
        return record(topics.state(), StateRecords.failureKey(account), EventJson.toBytes(
                new StateRecords.Failure(account.system().id(), account.account(), at, error)));
    }

    private ProducerRecord<String, byte[]> event(SessionEvent event, String traceparent) {
        byte[] value = EventJson.toBytes(event);
        return record(topics.events(), event.kafkaKey(),
                traceparent == null ? value : CloudEventTrace.with(value, traceparent),
                HeaderNames.CONTENT_TYPE, HeaderNames.CLOUDEVENTS_JSON, HeaderNames.SYSTEM, event.data().system().id(),
                HeaderNames.ACCOUNT, event.data().account());
    }

    private ProducerRecord<String, byte[]> state(Map.Entry<String, KnownSession> state) {
        return record(topics.state(), StateRecords.sessionKey(state.getKey()), StateRecords.value(state.getValue()));
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, byte[] value, String... headers) {
        RecordHeaders h = new RecordHeaders();
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i + 1] != null) {
                h.add(headers[i], headers[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        return new ProducerRecord<>(topic, null, key, value, h);
    }
}
