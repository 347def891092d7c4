package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonValue;

/** CloudEvents {@code type} values. Lifecycle types carry the status the session has after them. */
public enum EventType {
    SESSION_SCHEDULED("sessionflow.session.scheduled", SessionStatus.SCHEDULED),
    SESSION_CREATED("sessionflow.session.created", SessionStatus.CREATED),
    SESSION_STARTED("sessionflow.session.started", SessionStatus.STARTED),
    SESSION_UPDATED("sessionflow.session.updated", null),
    SESSION_ENDED("sessionflow.session.ended", SessionStatus.ENDED),
    SESSION_DELETED("sessionflow.session.deleted", SessionStatus.DELETED),
    /**
     * An end or deletion Sessionflow had concluded (absence, an expiry, "not found") is undone: the vendor lists the
     * session open again. The status it is back to varies (the last step before the close), so it is no lifecycle step.
     */
    SESSION_REOPENED("sessionflow.session.reopened", null),
    PARTICIPANT_JOINED("sessionflow.participant.joined", null),
    PARTICIPANT_LEFT("sessionflow.participant.left", null);

    private final String type;
    private final SessionStatus resultingStatus;

    EventType(String type, SessionStatus resultingStatus) {
        this.type = type;
        this.resultingStatus = resultingStatus;
    }

    @JsonValue
    public String type() {
        return type;
    }

    /** The status a lifecycle event moves the session to; null for updates and participant events. */
    public SessionStatus resultingStatus() {
        return resultingStatus;
    }

    public boolean isLifecycle() {
        return resultingStatus != null;
    }

    public static EventType of(String type) {
        for (EventType t : values()) {
            if (t.type.equals(type)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown event type '" + type + "'");
    }
}
