package io.sessionflow.track;

import io.sessionflow.event.SessionData;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;

/**
 * The tracker's key and the Kafka record key: {@code <system>:<sessionId>} for account {@code default} (as before
 * accounts existed), {@code <system>/<account>:<sessionId>} for any other, so two accounts never share a key.
 */
public final class SessionKeys {
    private SessionKeys() {
    }

    public static String of(SessionData data) {
        return data.account() == null ? of(data.system(), data.sessionId())
                : data.system().id() + "/" + data.account() + ":" + data.sessionId();
    }

    public static String of(SourceAccount account, String sessionId) {
        return account.prefix() + ":" + sessionId;
    }

    public static String of(SystemId system, String sessionId) {
        return system.id() + ":" + sessionId;
    }
}
