package io.sessionflow.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * The one serialization of {@link SessionEvent}, {@link SessionData}, {@link Person}, {@link Location} and
 * {@link Parent}: each record names its serializer here ({@code @JsonSerialize}), so {@link EventJson}'s mapper,
 * the publish path and the state records all write them through this code, field by field into the generator
 * (no per-value reflection or serializer lookups: publishing writes every event, state record and fingerprint).
 *
 * <p>The shape is the published v1 contract and must not change by a byte (event ids, fingerprints and records on
 * the topics depend on it): {@code SessionEvent} writes absent values as null, {@code SessionData}, {@code Person}
 * and {@code Location} leave them out, {@code Parent} writes them as null, {@code inferred}/{@code recovered} only
 * when true, {@code attributes} only when not empty. {@code EnvelopeWriterTest} compares the bytes with what
 * Jackson's databind wrote for the records' former annotations ({@code testing/DatabindReference}).
 */
public final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    /** Jackson's serializer of the five records, each of which names it ({@code @JsonSerialize}). */
    public static final class Serializer extends StdSerializer<Object> {
        public Serializer() {
            super(Object.class);
        }

        @Override
        public void serialize(Object value, JsonGenerator g, SerializerProvider provider) throws IOException {
            if (value instanceof SessionEvent e) {
                event(g, e);
            } else if (value instanceof SessionData d) {
                data(g, d);
            } else if (value instanceof Person p) {
                person(g, p);
            } else if (value instanceof Location l) {
                location(g, l);
            } else if (value instanceof Parent p) {
                parent(g, p);
            } else {
                throw JsonMappingException.from(g, "EnvelopeWriter does not write " + value.getClass().getName());
            }
        }
    }

    static void event(JsonGenerator g, SessionEvent e) throws IOException {
        g.writeStartObject();
        orNull(g, EnvelopeNames.SPECVERSION, e.specversion());
        orNull(g, EnvelopeNames.ID, e.id());
        orNull(g, EnvelopeNames.SOURCE, e.source());
        g.writeFieldName(EnvelopeNames.TYPE);
        if (e.type() == null) {
            g.writeNull();
        } else {
            g.writeString(EnvelopeNames.of(e.type()));
        }
        orNull(g, EnvelopeNames.SUBJECT, e.subject());
        g.writeFieldName(EnvelopeNames.TIME);
        if (e.time() == null) {
            g.writeNull();
        } else {
            g.writeString(IsoInstant.format(e.time()));
        }
        orNull(g, EnvelopeNames.DATACONTENTTYPE, e.datacontenttype());
        orNull(g, EnvelopeNames.DATASCHEMA, e.dataschema());
        g.writeFieldName(EnvelopeNames.DATA);
        if (e.data() == null) {
            g.writeNull();
        } else {
            data(g, e.data());
        }
        g.writeEndObject();
    }

    public static void data(JsonGenerator g, SessionData d) throws IOException {
        g.writeStartObject();
        if (d.system() != null) {
            g.writeFieldName(EnvelopeNames.SYSTEM);
            g.writeString(EnvelopeNames.of(d.system()));
        }
        text(g, EnvelopeNames.ACCOUNT, d.account());
        text(g, EnvelopeNames.SESSION_ID, d.sessionId());
        if (d.kind() != null) {
            g.writeFieldName(EnvelopeNames.KIND);
            g.writeString(EnvelopeNames.of(d.kind()));
        }
        if (d.status() != null) {
            g.writeFieldName(EnvelopeNames.STATUS);
            g.writeString(EnvelopeNames.of(d.status()));
        }
        text(g, EnvelopeNames.TITLE, d.title());
        time(g, EnvelopeNames.SCHEDULED_START, d.scheduledStart());
        time(g, EnvelopeNames.SCHEDULED_END, d.scheduledEnd());
        time(g, EnvelopeNames.STARTED_AT, d.startedAt());
        time(g, EnvelopeNames.ENDED_AT, d.endedAt());
        if (d.durationSeconds() != null) {
            g.writeFieldName(EnvelopeNames.DURATION_SECONDS);
            g.writeNumber(d.durationSeconds());
        }
        person(g, EnvelopeNames.OWNER, d.owner());
        person(g, EnvelopeNames.USER, d.user());
        person(g, EnvelopeNames.PARTICIPANT, d.participant());
        if (d.location() != null) {
            g.writeFieldName(EnvelopeNames.LOCATION);
            location(g, d.location());
        }
        if (d.parent() != null) {
            g.writeFieldName(EnvelopeNames.PARENT);
            parent(g, d.parent());
        }
        if (d.inferred()) {
            g.writeFieldName(EnvelopeNames.INFERRED);
            g.writeBoolean(true);
        }
        if (d.recovered()) {
            g.writeFieldName(EnvelopeNames.RECOVERED);
            g.writeBoolean(true);
        }
        if (!d.attributes().isEmpty()) {
            g.writeFieldName(EnvelopeNames.ATTRIBUTES);
            attributes(g, d.attributes());
        }
        g.writeEndObject();
    }

    private static void person(JsonGenerator g, SerializableString field, Person p) throws IOException {
        if (p != null) {
            g.writeFieldName(field);
            person(g, p);
        }
    }

    private static void person(JsonGenerator g, Person p) throws IOException {
        g.writeStartObject();
        text(g, EnvelopeNames.ID, p.id());
        text(g, EnvelopeNames.NAME, p.name());
        text(g, EnvelopeNames.EMAIL, p.email());
        text(g, EnvelopeNames.LOGIN, p.login());
        text(g, EnvelopeNames.ROLE, p.role());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeStartObject();
        if (l.latitude() != null) {
            g.writeFieldName(EnvelopeNames.LATITUDE);
            g.writeNumber(l.latitude());
        }
        if (l.longitude() != null) {
            g.writeFieldName(EnvelopeNames.LONGITUDE);
            g.writeNumber(l.longitude());
        }
        text(g, EnvelopeNames.ADDRESS, l.address());
        text(g, EnvelopeNames.COUNTRY, l.country());
        text(g, EnvelopeNames.CITY, l.city());
        g.writeEndObject();
    }

    private static void parent(JsonGenerator g, Parent p) throws IOException {
        g.writeStartObject();
        orNull(g, EnvelopeNames.TYPE, p.type());
        orNull(g, EnvelopeNames.ID, p.id());
        g.writeEndObject();
    }

    /**
     * Vendor attributes are mostly text, numbers and flags, written directly; anything else (lists, maps) goes
     * through the mapper, which writes it exactly as it would inside the whole record.
     */
    private static void attributes(JsonGenerator g, Map<String, Object> attributes) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            g.writeFieldName(a.getKey());
            Object v = a.getValue();
            if (v == null) {
                g.writeNull();
            } else if (v instanceof String s) {
                g.writeString(s);
            } else if (v instanceof Long n) {
                g.writeNumber(n);
            } else if (v instanceof Integer n) {
                g.writeNumber(n);
            } else if (v instanceof Boolean b) {
                g.writeBoolean(b);
            } else {
                EventJson.mapper().writeValue(g, v);
            }
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializableString field, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeString(value);
        }
    }

    /** The envelope and {@code Parent} write absent values as null instead of leaving them out. */
    private static void orNull(JsonGenerator g, SerializableString field, String value) throws IOException {
        g.writeFieldName(field);
        g.writeString(value);
    }

    private static void time(JsonGenerator g, SerializableString field, Instant value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeString(IsoInstant.format(value));
        }
    }
}
