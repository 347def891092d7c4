package io.sessionflow.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
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
        location(g, d.location());
        parent(g, d.parent());
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
        if (p == null) {
            return;
        }
        g.writeFieldName(field);
        g.writeStartObject();
        text(g, EnvelopeNames.ID, p.id());
        text(g, EnvelopeNames.NAME, p.name());
        text(g, EnvelopeNames.EMAIL, p.email());
        text(g, EnvelopeNames.LOGIN, p.login());
        text(g, EnvelopeNames.ROLE, p.role());
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        if (l == null) {
            return;
        }
        g.writeFieldName(EnvelopeNames.LOCATION);
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
        if (p == null) {
            return;
        }
        g.writeFieldName(EnvelopeNames.PARENT);
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
