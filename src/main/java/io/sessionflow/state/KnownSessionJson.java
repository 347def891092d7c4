package io.sessionflow.state;

import com.fasterxml.jackson.core.JsonGenerator;
import io.sessionflow.event.EnvelopeWriter;
import io.sessionflow.event.EventType;
import io.sessionflow.event.JsonBytes;
import io.sessionflow.track.KnownSession;
import java.io.IOException;
import java.util.Collection;

/**
 * The value of a {@code session:} state record, streamed: the same JSON the mapper writes for
 * {@link KnownSession} (so {@link StateRestore} and records already on the topic read alike), written once per
 * changed session on every poll.
 */
final class KnownSessionJson {
    private KnownSessionJson() {
    }

    static byte[] bytes(KnownSession s) {
        return JsonBytes.of(g -> write(g, s));
    }

    private static void write(JsonGenerator g, KnownSession s) throws IOException {
        g.writeStartObject();
        g.writeStringField("scope", s.scope());
        g.writeStringField("source", s.source());
        g.writeArrayFieldStart("reached");
        for (EventType t : s.reached()) {
            g.writeString(t.type());
        }
        g.writeEndArray();
        g.writeStringField("fingerprint", s.fingerprint());
        strings(g, "joined", s.joined());
        strings(g, "left", s.left());
        g.writeFieldName("data");
        if (s.data() == null) {
            g.writeNull();
        } else {
            EnvelopeWriter.data(g, s.data());
        }
        // derived, ignored when read back; the mapper always wrote them, so they stay for readers of the topic
        g.writeBooleanField("open", s.isOpen());
        g.writeBooleanField("deleted", s.isDeleted());
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String field, Collection<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
