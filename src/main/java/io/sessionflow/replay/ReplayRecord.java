package io.sessionflow.replay;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionEvent;
import io.sessionflow.event.SystemId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record read back, parsed only as far as the filters and the sink ask: parsing every value into a
 * {@link SessionEvent} was most of a replay's cost, and a JSON Lines or topic sink passes the bytes on unchanged.
 *
 * <p>A record the pipeline published (its value starts as the envelope does, <code>{"specversion":"1.0",</code>, and
 * its key is {@code <system>[/<account>]:<sessionId>}) answers system and session from its key and the type
 * from a streaming look at the value. Any other record is parsed, as before, and is no session event when that
 * fails. The value's first bytes are compared rather than the content-type header: reading a header decodes its
 * key and copies its value for every record, which cost as much as the rest of replay together.
 */
public final class ReplayRecord {
    private static final byte[] ENVELOPE_START = "{\"specversion\":\"1.0\",".getBytes(StandardCharsets.US_ASCII);
    private final ConsumerRecord<String, byte[]> record;
    /** From the key of a record the pipeline published; null for any other record. */
    private final String system;
    private SessionEvent event;
    private boolean parsed;

    public ReplayRecord(ConsumerRecord<String, byte[]> record) {
        this.record = record;
        this.system = startsAsEnvelope(record.value()) ? systemOf(record.key()) : null;
    }

    public ConsumerRecord<String, byte[]> record() {
        return record;
    }

    /** Whether the value is a session event: the pipeline's records by prefix and key, any other by parsing it. */
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
            return record.key().substring(record.key().indexOf(':') + 1);
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

    private static boolean startsAsEnvelope(byte[] value) {
        return value != null && value.length > ENVELOPE_START.length
                && Arrays.equals(value, 0, ENVELOPE_START.length, ENVELOPE_START, 0, ENVELOPE_START.length);
    }

    /** The system id a {@code <system>[/<account>]:<sessionId>} key starts with. */
    private static String systemOf(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon < 2) {
            return null;
        }
        int end = colon;
        for (int i = 0; i < colon; i++) {
            char c = key.charAt(i);
            if (c == '/') {
                end = i;
                break;
            }
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
                return null;
            }
        }
        return key.substring(0, end);
    }
}
