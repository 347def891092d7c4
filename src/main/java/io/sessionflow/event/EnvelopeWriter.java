package io.sessionflow.event;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * Writes {@link SessionEvent} and {@link SessionData} field by field into a Jackson {@link JsonGenerator}: the
 * same bytes the databind mapper in {@link EventJson} writes for them (same order, same omissions, same
 * escaping, since the generator is the mapper's own), without its per-value reflection and serializer lookups.
 * Publishing writes every event, every state record and every fingerprint this way.
 *
 * <p>Kept in step with the annotations on the records: {@code SessionEvent} writes nulls,
 * {@code SessionData}, {@code Person} and {@code Location} omit them, {@code Parent} writes them,
 * {@code inferred}/{@code recovered} only when true, {@code attributes} only when not empty.
 * {@code EnvelopeWriterTest} compares the bytes with the mapper's.
 */
public final class EnvelopeWriter {
    private EnvelopeWriter() {
    }

    static void event(JsonGenerator g, SessionEvent e) throws IOException {
        g.writeStartObject();
        g.writeStringField("specversion", e.specversion());
        g.writeStringField("id", e.id());
        g.writeStringField("source", e.source());
        g.writeStringField("type", e.type() == null ? null : e.type().type());
        g.writeStringField("subject", e.subject());
        g.writeFieldName("time");
        instant(g, e.time());
        g.writeStringField("datacontenttype", e.datacontenttype());
        g.writeStringField("dataschema", e.dataschema());
        g.writeFieldName("data");
        if (e.data() == null) {
            g.writeNull();
        } else {
            data(g, e.data());
        }
        g.writeEndObject();
    }

    public static void data(JsonGenerator g, SessionData d) throws IOException {
        g.writeStartObject();
        text(g, "system", d.system() == null ? null : d.system().id());
        text(g, "sessionId", d.sessionId());
        text(g, "kind", d.kind() == null ? null : d.kind().value());
        text(g, "status", d.status() == null ? null : d.status().value());
        text(g, "title", d.title());
        time(g, "scheduledStart", d.scheduledStart());
        time(g, "scheduledEnd", d.scheduledEnd());
        time(g, "startedAt", d.startedAt());
        time(g, "endedAt", d.endedAt());
        if (d.durationSeconds() != null) {
            g.writeNumberField("durationSeconds", d.durationSeconds());
        }
        person(g, "owner", d.owner());
        person(g, "user", d.user());
        person(g, "participant", d.participant());
        location(g, d.location());
        parent(g, d.parent());
        if (d.inferred()) {
            g.writeBooleanField("inferred", true);
        }
        if (d.recovered()) {
            g.writeBooleanField("recovered", true);
        }
        if (!d.attributes().isEmpty()) {
            g.writeFieldName("attributes");
            attributes(g, d.attributes());
        }
        g.writeEndObject();
    }

    private static void person(JsonGenerator g, String field, Person p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart(field);
        text(g, "id", p.id());
        text(g, "name", p.name());
        text(g, "email", p.email());
        text(g, "login", p.login());
        text(g, "role", p.role());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        if (l == null) {
            return;
        }
        g.writeObjectFieldStart("location");
        if (l.latitude() != null) {
            g.writeNumberField("latitude", l.latitude());
        }
        if (l.longitude() != null) {
            g.writeNumberField("longitude", l.longitude());
        }
        text(g, "address", l.address());
        text(g, "country", l.country());
        text(g, "city", l.city());
        g.writeEndObject();
    }

    private static void parent(JsonGenerator g, Parent p) throws IOException {
        if (p == null) {
            return;
        }
        g.writeObjectFieldStart("parent");
        g.writeStringField("type", p.type());
        g.writeStringField("id", p.id());
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

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void time(JsonGenerator g, String field, Instant value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            instant(g, value);
        }
    }

    private static void instant(JsonGenerator g, Instant value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(IsoInstant.format(value));
        }
    }
}
