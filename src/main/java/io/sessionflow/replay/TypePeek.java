package io.sessionflow.replay;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sessionflow.event.EventJson;
import java.io.IOException;

/**
 * The CloudEvents {@code type} of a record value, read with a streaming parser that stops at that field: the
 * envelope writes it fourth, so a type filter does not have to bind the whole event.
 */
final class TypePeek {
    private TypePeek() {
    }

    /** @return the top-level {@code type} text, or null when the value is no JSON object with one */
    static String of(byte[] json) {
        if (json == null) {
            return null;
        }
        try (JsonParser p = EventJson.mapper().getFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("type")) {
                    return value == JsonToken.VALUE_STRING ? p.getText() : null;
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
