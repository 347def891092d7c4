package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** The vendor systems Sessionflow ingests; the id is part of every event's source and Kafka key. */
public enum SystemId {
    STORYCLM("storyclm", SessionKind.PRESENTATION),
    ISPRING("ispring", SessionKind.TRAINING),
    SEEIT("seeit", SessionKind.REMOTE_SUPPORT),
    WEBINAR("webinar", SessionKind.WEBINAR),
    TRADERNET("tradernet", SessionKind.SECURITY);

    private final String id;
    private final SessionKind kind;

    SystemId(String id, SessionKind kind) {
        this.id = id;
        this.kind = kind;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public SessionKind kind() {
        return kind;
    }

    public static SystemId of(String id) {
        for (SystemId s : values()) {
            if (s.id.equals(id)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown system '" + id + "'");
    }
}
