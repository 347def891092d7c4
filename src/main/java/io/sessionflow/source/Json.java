package io.sessionflow.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Tolerant reading of vendor JSON: ids that come as strings or numbers, flags as 0/1/"1"/true, lists that
 * come as arrays or as objects keyed by id. Parsing is bounded in depth and size.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(4_000_000).maxNumberLength(64).build())
            .build()).build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode parse(byte[] body, String what) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new UnmappableRecordException(what + " is empty, expected JSON");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new UnmappableRecordException(what + " is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UnmappableRecordException(what + " could not be read: " + e.getMessage(), e);
        }
    }

    /** A field as text, whether the vendor sent a string or a number; null when absent, null or "". */
    public static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return null;
        }
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }

    public static String requiredText(JsonNode node, String field, String what) {
        String v = text(node, field);
        if (v == null) {
            throw new UnmappableRecordException(what + " has no '" + field + "'");
        }
        return v;
    }

    public static Long number(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.contains(".") ? v.substring(0, v.indexOf('.')) : v);
        } catch (NumberFormatException e) {
            throw new UnmappableRecordException("'" + field + "' is not a number: " + v);
        }
    }

    public static boolean flag(JsonNode node, String field) {
        String v = text(node, field);
        return v != null && (v.equals("1") || v.equalsIgnoreCase("true"));
    }

    /** An array's elements, or an object's values (the vendor's "keyed by id" form); empty when absent. */
    public static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isContainerNode()) {
            node.elements().forEachRemaining(out::add);
        }
        return out;
    }
}
