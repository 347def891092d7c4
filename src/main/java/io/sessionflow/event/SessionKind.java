package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonValue;

public enum SessionKind {
    WEBINAR("webinar"), TRAINING("training"), REMOTE_SUPPORT("remote-support"),
    PRESENTATION("presentation"), SECURITY("security");

    private final String value;

    SessionKind(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
