package io.sessionflow.event;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;

/**
 * The envelope: a CloudEvents 1.0 event in structured JSON mode. Defined once for all systems.
 * {@code id} is derived from the vendor state (see {@link EventIds}), so a replay yields the same ids.
 */
@JsonSerialize(using = EnvelopeWriter.Serializer.class)
public record SessionEvent(
        String specversion,
        String id,
        String source,
        EventType type,
        String subject,
        Instant time,
        String datacontenttype,
        String dataschema,
        SessionData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";
    public static final String DATA_SCHEMA = "urn:sessionflow:schema:session-event:v1";

    public static SessionEvent of(String id, String source, EventType type, Instant time, SessionData data) {
        return new SessionEvent(SPEC_VERSION, id, source, type, data.sessionId(), time, DATA_CONTENT_TYPE,
                DATA_SCHEMA, data);
    }

    /** Kafka record key (see {@code SessionKeys}): every event of one session goes to one partition, in order. */
    public String kafkaKey() {
        return data.account() == null ? data.system().id() + ":" + data.sessionId()
                : data.system().id() + "/" + data.account() + ":" + data.sessionId();
    }
}
