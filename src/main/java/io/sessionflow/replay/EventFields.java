package io.sessionflow.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The fields of a published event read from its JSON, as a consumer reads them: fields the Java model does not
 * know yet (such as {@code data.account}) are there, and no list of systems decides what is readable. Used by
 * the exports, which write what consumers saw.
 */
public final class EventFields {
    /** The account of events without {@code data.account}: the environment's configuration of the system. */
    public static final String DEFAULT_ACCOUNT = "default";
    private final JsonNode event;
    private final JsonNode data;

    private EventFields(JsonNode event) {
        this.event = event;
        this.data = event.path("data");
    }

    /** @throws IllegalArgumentException when the value is not a JSON object */
    public static EventFields of(byte[] json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return new EventFields(node);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable event JSON: " + e.getMessage(), e);
        }
    }

    public String envelope(String field) {
        return text(event.get(field));
    }

    public Instant envelopeTime(String field) {
        return instant(event.get(field));
    }

    public String data(String field) {
        return text(data.get(field));
    }

    public String data(String object, String field) {
        return text(data.path(object).get(field));
    }

    public Instant dataTime(String field) {
        return instant(data.get(field));
    }

    public Long dataLong(String field) {
        JsonNode v = data.get(field);
        return v != null && v.canConvertToLong() ? v.asLong() : null;
    }

    /** {@code inferred} and {@code recovered} are written only when true. */
    public boolean dataFlag(String field) {
        return data.path(field).asBoolean(false);
    }

    public String account() {
        String account = data("account");
        return account == null ? DEFAULT_ACCOUNT : account;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** Null when absent or unreadable: the event's JSON, kept beside the typed columns, still has the text. */
    private static Instant instant(JsonNode v) {
        String text = text(v);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
