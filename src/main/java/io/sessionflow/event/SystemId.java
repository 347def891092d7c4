package io.sessionflow.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A vendor system's id: part of every event's source and Kafka key. Each source module declares its own; ids are
 * interned, so one system is one instance and compares with {@code ==}.
 */
public final class SystemId {
    private static final Pattern SAFE = Pattern.compile("[a-z][a-z0-9]{1,30}");
    private static final Map<String, SystemId> INTERNED = new ConcurrentHashMap<>();
    private final String id;
    private final SerializableString encoded;

    private SystemId(String id) {
        this.id = id;
        this.encoded = new SerializedString(id);
    }

    /** @throws IllegalArgumentException when the id is not lower-case letters and digits, 2 to 31 long */
    @JsonCreator
    public static SystemId of(String id) {
        SystemId known = id == null ? null : INTERNED.get(id);
        if (known != null) {
            return known;
        }
        if (id == null || !SAFE.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a system id (lower-case letters and digits)");
        }
        return INTERNED.computeIfAbsent(id, SystemId::new);
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** The id quoted and encoded once, for the streaming writers. */
    SerializableString encoded() {
        return encoded;
    }

    @Override
    public String toString() {
        return id;
    }
}
