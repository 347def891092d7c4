package io.sessionflow.consuming;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.sessionflow.verify.SchemaCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * docs/asyncapi.yaml read as data: its channels and messages, each message's key and header schemas (inline,
 * the document's own references resolved) and its payload schema (a file of src/main/resources/schema/).
 */
final class AsyncApiDocument {
    static final Path FILE = Path.of("docs/asyncapi.yaml");
    static final String SCHEMA_FOLDER = "../src/main/resources/schema/";
    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private final JsonNode root;

    private AsyncApiDocument(JsonNode root) {
        this.root = root;
    }

    static AsyncApiDocument read() {
        try {
            return new AsyncApiDocument(new YAMLMapper().readTree(FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode root() {
        return root;
    }

    /** One message of a channel, as a record on its topic must look. */
    record Message(String channel, String address, String name, JsonSchema key, JsonSchema headers,
                   String payloadRef, JsonNode examples) {

        SchemaCheck payload() {
            return SchemaCheck.of(payloadRef.substring(SCHEMA_FOLDER.length()));
        }

        boolean keyMatches(String key) {
            return key != null && this.key.validate(JsonNodeFactory.instance.textNode(key)).isEmpty();
        }
    }

    List<Message> messages() {
        List<Message> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> channels = root.path("channels").fields(); channels.hasNext(); ) {
            Map.Entry<String, JsonNode> channel = channels.next();
            for (Iterator<Map.Entry<String, JsonNode>> messages = channel.getValue().path("messages").fields();
                 messages.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = messages.next();
                JsonNode m = resolve(entry.getValue());
                out.add(new Message(channel.getKey(), channel.getValue().path("address").asText(), entry.getKey(),
                        schema(m.path("bindings").path("kafka").path("key")), schema(m.path("headers")),
                        m.path("payload").path("schema").path("$ref").asText(null), m.path("examples")));
            }
        }
        return out;
    }

    /** Every {@code $ref} of the document that leaves it, as written. */
    List<String> externalRefs() {
        List<String> refs = new ArrayList<>();
        collectRefs(root, refs);
        return refs.stream().filter(r -> !r.startsWith("#")).toList();
    }

    static List<String> violations(JsonSchema schema, JsonNode value) {
        return schema.validate(value).stream().map(ValidationMessage::getMessage).toList();
    }

    private JsonSchema schema(JsonNode node) {
        JsonSchema schema = DRAFT_07.getSchema(inline(node.deepCopy()));
        schema.initializeValidators();
        return schema;
    }

    /** The document's own references replaced by what they point at (external ones are left as they are). */
    private JsonNode inline(JsonNode node) {
        if (node.isObject()) {
            if (node.has("$ref") && node.get("$ref").asText().startsWith("#")) {
                return inline(resolve(node).deepCopy());
            }
            ObjectNode o = (ObjectNode) node;
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            names.forEach(f -> o.set(f, inline(o.get(f))));
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                a.set(i, inline(a.get(i)));
            }
        }
        return node;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        while (current.has("$ref") && current.get("$ref").asText().startsWith("#/")) {
            JsonNode target = root.at(current.get("$ref").asText().substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("unresolved reference " + current.get("$ref").asText());
            }
            current = target;
        }
        return current;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject() && node.has("$ref")) {
            refs.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectRefs(child, refs));
    }
}
