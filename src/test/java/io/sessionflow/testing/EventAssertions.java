package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.verify.SchemaCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks that records on the events topic honour the public contract: schema, key, content-type header. */
public final class EventAssertions {
    private static final SchemaCheck SCHEMA = SchemaCheck.event();

    private EventAssertions() {
    }

    public static void assertValid(byte[] json) {
        assertThat(SCHEMA.violations(json)).as("schema violations in %s", new String(json, StandardCharsets.UTF_8))
                .isEmpty();
    }

    /** Validates every record and returns the parsed events in topic order. */
    public static List<SessionEvent> events(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> {
            assertValid(r.value());
            SessionEvent e = EventJson.parse(r.value());
            assertThat(r.key()).isEqualTo(e.data().system().id() + ":" + e.subject());
            assertThat(header(r, "content-type")).isEqualTo("application/cloudevents+json");
            return e;
        }).toList();
    }

    public static String header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
