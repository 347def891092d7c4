package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** The canonical status of a session after an event; the same vocabulary for every system. */
public enum SessionStatus {
    SCHEDULED, CREATED, STARTED, ENDED, DELETED;

    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
