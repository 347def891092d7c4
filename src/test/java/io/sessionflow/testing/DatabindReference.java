package io.sessionflow.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.sessionflow.event.Location;
import io.sessionflow.event.Parent;
import io.sessionflow.event.Person;
import io.sessionflow.event.SessionData;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.track.Inference;
import io.sessionflow.track.KnownSession;
import java.io.UncheckedIOException;
import java.util.SortedMap;

/**
 * What Jackson's databind wrote for the event and state records when their shape was declared by annotations, before
 * the streaming writers became their serializers: the independent reference the byte tests compare with. The
 * annotations live on here as mix-ins, which also switch the records' own serializers off.
 */
public final class DatabindReference {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .addMixIn(SessionEvent.class, EventShape.class)
            .addMixIn(SessionData.class, DataShape.class)
            .addMixIn(Person.class, WithoutNulls.class)
            .addMixIn(Location.class, WithoutNulls.class)
            .addMixIn(Parent.class, WithNulls.class)
            .addMixIn(KnownSession.class, KnownSessionShape.class)
            .build();

    private DatabindReference() {
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    @JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema",
        "data"})
    private abstract static class EventShape {
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"system", "account", "sessionId", "kind", "status", "title", "scheduledStart",
        "scheduledEnd", "startedAt", "endedAt", "durationSeconds", "owner", "user", "participant", "location",
        "parent", "inferred", "recovered", "attributes"})
    private abstract static class DataShape {
        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean inferred();

        @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        abstract boolean recovered();

        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        abstract SortedMap<String, Object> attributes();
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private abstract static class WithoutNulls {
    }

    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class WithNulls {
    }

    /** Nulls written; the inference only when something was concluded (records before it was kept have none). */
    @JsonSerialize(using = JsonSerializer.None.class)
    private abstract static class KnownSessionShape {
        @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NoInference.class)
        abstract Inference inference();
    }

    /** Jackson's value filter: a value equal to it is left out. */
    private static final class NoInference {
        @Override
        public boolean equals(Object value) {
            return Inference.NONE.equals(value);
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
