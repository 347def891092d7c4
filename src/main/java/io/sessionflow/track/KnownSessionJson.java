package io.sessionflow.track;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.sessionflow.event.EnvelopeWriter;
import io.sessionflow.event.EventType;

import java.io.IOException;
import java.util.Collection;

/**
 * The one serialization of {@link KnownSession}, the value of a {@code session:} state record (the record names it
 * as its serializer): streamed, since it is written once per changed session on every poll. The shape stays what
 * Jackson's databind wrote for the record, so records already on the compacted topic and new ones are read back
 * alike by the restore.
 */
public final class KnownSessionJson extends StdSerializer<KnownSession> {
    // field names encoded once, as the envelope's are (see EnvelopeNames)
    private static final SerializableString SCOPE = new SerializedString("scope");
    private static final SerializableString SOURCE = new SerializedString("source");
    private static final SerializableString REACHED = new SerializedString("reached");
    private static final SerializableString FINGERPRINT = new SerializedString("fingerprint");
    private static final SerializableString JOINED = new SerializedString("joined");
    private static final SerializableString LEFT = new SerializedString("left");
    private static final SerializableString DATA = new SerializedString("data");
    private static final SerializableString UPDATES = new SerializedString("updates");
    private static final SerializableString COUNT = new SerializedString("count");
    private static final SerializableString PLAIN_TO = new SerializedString("plainTo");
    private static final SerializableString CLOSED_AT = new SerializedString("closedAt");
    private static final SerializableString INFERENCE = new SerializedString("inference");
    private static final SerializableString NOT_FOUND = new SerializedString("notFound");
    private static final SerializableString CLOSED = new SerializedString("closed");
    private static final SerializableString REOPENS = new SerializedString("reopens");
    private static final SerializableString OPEN = new SerializedString("open");
    private static final SerializableString DELETED = new SerializedString("deleted");

    public KnownSessionJson() {
        super(KnownSession.class);
    }

    @Override
    public void serialize(KnownSession s, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject();
        g.writeFieldName(SCOPE);
        g.writeString(s.scope());
        g.writeFieldName(SOURCE);
        g.writeString(s.source());
        g.writeFieldName(REACHED);
        g.writeStartArray();
        for (EventType t : s.reached()) {
            g.writeString(t.type());
        }
        g.writeEndArray();
        g.writeFieldName(FINGERPRINT);
        g.writeString(s.fingerprint());
        strings(g, JOINED, s.joined());
        strings(g, LEFT, s.left());
        g.writeFieldName(DATA);
        if (s.data() == null) {
            g.writeNull();
        } else {
            EnvelopeWriter.data(g, s.data());
        }
        g.writeFieldName(UPDATES);
        g.writeStartObject();
        g.writeFieldName(COUNT);
        g.writeNumber(s.updates().count());
        strings(g, PLAIN_TO, s.updates().plainTo());
        g.writeEndObject();
        g.writeFieldName(CLOSED_AT);
        if (s.closedAt() == null) {
            g.writeNull();
        } else {
            g.writeString(s.closedAt().toString());
        }
        // only when something was concluded: the records of every other session stay as they were
        if (!s.inference().equals(Inference.NONE)) {
            g.writeFieldName(INFERENCE);
            g.writeStartObject();
            g.writeFieldName(NOT_FOUND);
            g.writeNumber(s.inference().notFound());
            g.writeFieldName(CLOSED);
            g.writeBoolean(s.inference().closed());
            g.writeFieldName(REOPENS);
            g.writeNumber(s.inference().reopens());
            g.writeEndObject();
        }
        // derived, ignored when read back; the mapper always wrote them, so they stay for readers of the topic
        g.writeFieldName(OPEN);
        g.writeBoolean(s.isOpen());
        g.writeFieldName(DELETED);
        g.writeBoolean(s.isDeleted());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, SerializableString field, Collection<String> values)
            throws IOException {
        g.writeFieldName(field);
        g.writeStartArray();
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
