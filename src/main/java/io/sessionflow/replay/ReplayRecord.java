package io.sessionflow.replay;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import io.sessionflow.publish.HeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One record read back, parsed only as far as the filters and the sink ask: parsing every value into a
 * {@link SessionEvent} was most of a replay's cost, and a JSON Lines or topic sink passes the bytes on unchanged.
 *
 * <p>A record the pipeline published (header {@code content-type: application/cloudevents+json}, key
 * {@code <system>:<sessionId>} of a known system) answers system and session from its key and the type from a
 * streaming look at the value. Any other record is parsed, as before, and is no session event when that fails.
 */
public final class ReplayRecord {
    private static final byte[] CLOUDEVENTS = HeaderNames.CLOUDEVENTS_JSON.getBytes(StandardCharsets.US_ASCII);
    private final ConsumerRecord<String, byte[]> record;
    /** From the key of a record the pipeline published; null for any other record. */
    private final String system;
    private final String sessionId;
    private SessionEvent event;
    private boolean parsed;

    public ReplayRecord(ConsumerRecord<String, byte[]> record) {
        this.record = record;
        int colon = record.key() == null ? -1 : record.key().indexOf(':');
        boolean published = colon > 0 && isCloudEvent(record) && isSystem(record.key().substring(0, colon));
        this.system = published ? record.key().substring(0, colon) : null;
        this.sessionId = published ? record.key().substring(colon + 1) : null;
    }

    public ConsumerRecord<String, byte[]> record() {
        return record;
    }

    /** Whether the value is a session event: taken from the headers for the pipeline's records, else parsed. */
    public boolean isSessionEvent() {
        return system != null || event() != null;
    }

    /** The value parsed, once; null when it is not a session event (unreadable, or no id, type or data). */
    public SessionEvent event() {
        if (!parsed && record.value() != null) {
            parsed = true;
            try {
                SessionEvent e = EventJson.parse(record.value());
                event = e.id() == null || e.type() == null || e.data() == null ? null : e;
            } catch (IllegalArgumentException e) {
                event = null;
            }
        }
        return event;
    }

    String system() {
        if (system != null) {
            return system;
        }
        SessionEvent e = event();
        return e == null || e.data().system() == null ? null : e.data().system().id();
    }

    String sessionId() {
        if (system != null) {
            return sessionId;
        }
        SessionEvent e = event();
        return e == null ? null : e.subject();
    }

    String type() {
        String peeked = system != null ? TypePeek.of(record.value()) : null;
        if (peeked != null) {
            return peeked;
        }
        SessionEvent e = event();
        return e == null ? null : e.type().type();
    }

    private static boolean isCloudEvent(ConsumerRecord<String, byte[]> record) {
        Header contentType = record.headers().lastHeader(HeaderNames.CONTENT_TYPE);
        return contentType != null && Arrays.equals(contentType.value(), CLOUDEVENTS);
    }

    private static boolean isSystem(String id) {
        for (SystemId s : SystemId.values()) {
            if (s.id().equals(id)) {
                return true;
            }
        }
        return false;
    }
}
