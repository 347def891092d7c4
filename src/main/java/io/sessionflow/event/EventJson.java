package io.sessionflow.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper of everything Sessionflow writes to and reads from its topics: ISO-8601 UTC times, map entries
 * sorted by key, unknown properties ignored when reading. Events, their data and the tracker's state records are
 * written by their streaming writers ({@link EnvelopeWriter}, {@code KnownSessionJson}), which the records name as
 * their serializers: this mapper and the publish path write them by the same code.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The published bytes of an event: its serializer's, into a buffer kept per thread ({@link JsonBytes}). */
    public static byte[] toBytes(SessionEvent event) {
        return JsonBytes.of(g -> EnvelopeWriter.event(g, event));
    }

    public static byte[] toBytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    public static SessionEvent parse(byte[] json) {
        try {
            return MAPPER.readValue(json, SessionEvent.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a session event: " + e.getMessage(), e);
        }
    }
}
