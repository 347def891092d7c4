package io.sessionflow.verify;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.kafka.KafkaClients;
import io.sessionflow.kafka.TopicToEnd;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Every committed record of a topic, up to its current end: partition by partition, in offset order. */
public final class EventsTopic {
    private EventsTopic() {
    }

    public static List<SessionEvent> readAll(String bootstrap, String topic) {
        return readRecords(bootstrap, topic).stream().map(r -> EventJson.parse(r.value())).toList();
    }

    public static List<ConsumerRecord<String, byte[]>> readRecords(String bootstrap, String topic) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        TopicToEnd.read(KafkaClients.base(bootstrap), topic, Duration.ofSeconds(30), records::add);
        records.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> r.partition())
                .thenComparing(ConsumerRecord::offset));
        return records;
    }
}
