package io.sessionflow.verify;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The records of an events topic checked against the event schema: the valid ones parsed for the stream checks,
 * one line per invalid record ({@code partition/offset key: violation; ...}). An invalid record is left out of
 * the stream checks, whose order and identity rules assume the contract holds.
 */
public record CheckedEvents(List<SessionEvent> events, List<String> violations) {

    public static CheckedEvents of(List<ConsumerRecord<String, byte[]>> records, SchemaCheck schema) {
        List<SessionEvent> events = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            List<String> broken = schema.violations(r.value());
            if (broken.isEmpty()) {
                events.add(EventJson.parse(r.value()));
            } else {
                violations.add(r.partition() + "/" + r.offset() + " " + r.key() + ": " + String.join("; ", broken));
            }
        }
        return new CheckedEvents(events, violations);
    }
}
