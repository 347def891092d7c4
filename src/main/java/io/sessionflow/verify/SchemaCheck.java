package io.sessionflow.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sessionflow.event.EventJson;
import java.io.IOException;
import java.util.List;

/**
 * One of the published JSON Schemas ({@code src/main/resources/schema/}), read from the classpath so references
 * between the files ({@code session-event.v1.json#/$defs/session}) resolve as they do beside the AsyncAPI document.
 */
public final class SchemaCheck {
    public static final String EVENT = "session-event.v1.json";
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final String name;
    private final JsonSchema schema;

    private SchemaCheck(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * @param reference a file of the schema folder, optionally with a fragment:
     * {@code session-state.v1.json#/$defs/cursor}
     */
    public static SchemaCheck of(String reference) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:schema/" + reference));
        schema.initializeValidators();
        return new SchemaCheck(reference, schema);
    }

    public static SchemaCheck event() {
        return of(EVENT);
    }

    /** @return one line per violation, empty when the value is valid */
    public List<String> violations(JsonNode value) {
        return schema.validate(value).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    /** A value that is not JSON is one violation. */
    public List<String> violations(byte[] json) {
        try {
            return violations(EventJson.mapper().readTree(json));
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
