package io.sessionflow.track;

import io.sessionflow.event.SystemId;

/** {@code <system>:<sessionId>}: the tracker's key and the Kafka record key. */
public final class SessionKeys {
    private SessionKeys() {
    }

    public static String of(SystemId system, String sessionId) {
        return system.id() + ":" + sessionId;
    }
}
