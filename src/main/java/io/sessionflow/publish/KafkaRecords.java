package io.sessionflow.publish;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.Topics;
import io.sessionflow.source.DeadLetter;
import io.sessionflow.source.PollBatch;
import io.sessionflow.source.RawPayload;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.component.kafka.KafkaConstants;
import org.apache.camel.support.DefaultMessage;

/**
 * Turns one poll's batch into the Kafka records the publish route sends together: raw payloads first, then
 * canonical events in per-session order, then dead letters. Topics come from configuration only.
 */
public final class KafkaRecords {
    private final Topics topics;
    private final CamelContext camel;

    public KafkaRecords(Topics topics, CamelContext camel) {
        this.topics = topics;
        this.camel = camel;
    }

    public List<Message> toMessages(PollBatch batch) {
        List<Message> out = new ArrayList<>(batch.raw().size() + batch.events().size() + batch.deadLetters().size());
        for (RawPayload raw : batch.raw()) {
            Message m = record(topics.raw(), raw.system().id(), raw.body());
            m.setHeader(RecordHeaders.SYSTEM, raw.system().id());
            m.setHeader(RecordHeaders.ENDPOINT, raw.endpoint());
            m.setHeader(RecordHeaders.FETCHED_AT, raw.fetchedAt().toString());
            m.setHeader(RecordHeaders.CONTENT_TYPE, raw.contentType());
            out.add(m);
        }
        for (SessionEvent event : batch.events()) {
            Message m = record(topics.events(), event.kafkaKey(), EventJson.toBytes(event));
            m.setHeader(RecordHeaders.CONTENT_TYPE, RecordHeaders.CLOUDEVENTS_JSON);
            m.setHeader(RecordHeaders.SYSTEM, event.data().system().id());
            out.add(m);
        }
        for (DeadLetter dead : batch.deadLetters()) {
            Message m = record(topics.dlq(), dead.system().id(), EventJson.toBytes(DeadLetterRecord.of(dead)));
            m.setHeader(RecordHeaders.CONTENT_TYPE, "application/json");
            m.setHeader(RecordHeaders.SYSTEM, dead.system().id());
            m.setHeader(RecordHeaders.ENDPOINT, dead.endpoint());
            m.setHeader(RecordHeaders.REASON, dead.reason());
            out.add(m);
        }
        return out;
    }

    private Message record(String topic, String key, byte[] value) {
        Message m = new DefaultMessage(camel);
        m.setHeader(KafkaConstants.OVERRIDE_TOPIC, topic);
        m.setHeader(KafkaConstants.KEY, key);
        m.setBody(value);
        return m;
    }
}
