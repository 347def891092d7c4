package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Checks that records on the events topic honour the public contract: schema, key, content-type header. */
public final class EventAssertions {
    private static final JsonSchema SCHEMA = load();

    private EventAssertions() {
    }

    public static void assertValid(byte[] json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            Set<ValidationMessage> errors = SCHEMA.validate(node);
            assertThat(errors).as("schema violations in %s", new String(json, StandardCharsets.UTF_8)).isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    private static JsonSchema load() {
        try (InputStream in = EventAssertions.class.getResourceAsStream("/schema/session-event.v1.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
