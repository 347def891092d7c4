package io.sessionflow.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares events with a hand-written {@code *.expected.json}: a list, in order, of
 * {@code {type, subject, time, inferred, data: {...}}}. Every listed data field must equal the event's (a
 * listed object, such as {@code attributes}, must equal it whole); a field listed as null must be absent.
 * Each event is also checked against the JSON Schema, and its published (streamed) bytes against the mapper's.
 */
public final class ExpectedEvents {
    private ExpectedEvents() {
    }

    public static void assertMatch(List<SessionEvent> actual, String expectedResource) {
        JsonNode expected = Fixtures.json(expectedResource);
        assertThat(actual).extracting(e -> e.subject() + " " + e.type().type())
                .as("events of %s", expectedResource)
                .containsExactlyElementsOf(subjectsAndTypes(expected));
        for (int i = 0; i < actual.size(); i++) {
            byte[] bytes = EventJson.toBytes(actual.get(i));
            assertThat(bytes).as("%s #%d published bytes are the mapper's", expectedResource, i)
                    .isEqualTo(mapperBytes(actual.get(i)));
            EventAssertions.assertValid(bytes);
            assertEvent(read(bytes), expected.get(i), expectedResource + " #" + i);
        }
    }

    private static List<String> subjectsAndTypes(JsonNode expected) {
        return java.util.stream.StreamSupport.stream(expected.spliterator(), false)
                .map(e -> e.get("subject").asText() + " " + e.get("type").asText()).toList();
    }

    private static void assertEvent(JsonNode actual, JsonNode expected, String where) {
        assertThat(actual.get("time").asText()).as("%s time", where).isEqualTo(expected.get("time").asText());
        assertThat(actual.get("data").path("inferred").asBoolean(false)).as("%s inferred", where)
                .isEqualTo(expected.get("inferred").asBoolean());
        Iterator<Map.Entry<String, JsonNode>> fields = expected.path("data").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            JsonNode value = actual.get("data").get(f.getKey());
            if (f.getValue().isNull()) {
                assertThat(value).as("%s data.%s must be absent", where, f.getKey()).isNull();
            } else {
                assertThat(value).as("%s data.%s", where, f.getKey()).isEqualTo(f.getValue());
            }
        }
    }

    private static byte[] mapperBytes(SessionEvent event) {
        try {
            return EventJson.mapper().writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return EventJson.mapper().readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
