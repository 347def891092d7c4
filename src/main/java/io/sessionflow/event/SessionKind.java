package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** What kind of session a system reports ({@code webinar}, {@code training} ...), declared by its source module. */
public final class SessionKind {
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    private static final Map<String, SessionKind> INTERNED = new ConcurrentHashMap<>();
    private final String value;
    private final SerializableString encoded;

    private SessionKind(String value) {
        this.value = value;
        this.encoded = new SerializedString(value);
    }

    @JsonCreator
    public static SessionKind of(String value) {
        SessionKind known = value == null ? null : INTERNED.get(value);
        if (known != null) {
            return known;
        }
        if (value == null || !SAFE.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a session kind (lower-case letters, digits, -)");
        }
        return INTERNED.computeIfAbsent(value, SessionKind::new);
    }

    @JsonValue
    public String value() {
        return value;
    }

    SerializableString encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return value;
    }
}
