package io.sessionflow.event;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The envelope's field names and fixed values, quoted and UTF-8 encoded once: the generator then copies their
 * bytes instead of encoding the same short strings character by character for every record (the databind
 * mapper does the same for property names).
 */
final class EnvelopeNames {
    static final SerializableString SPECVERSION = name("specversion");
    static final SerializableString ID = name("id");
    static final SerializableString SOURCE = name("source");
    static final SerializableString TYPE = name("type");
    static final SerializableString SUBJECT = name("subject");
    static final SerializableString TIME = name("time");
    static final SerializableString DATACONTENTTYPE = name("datacontenttype");
    static final SerializableString DATASCHEMA = name("dataschema");
    static final SerializableString DATA = name("data");
    static final SerializableString SYSTEM = name("system");
    static final SerializableString ACCOUNT = name("account");
    static final SerializableString SESSION_ID = name("sessionId");
    static final SerializableString KIND = name("kind");
    static final SerializableString STATUS = name("status");
    static final SerializableString TITLE = name("title");
    static final SerializableString SCHEDULED_START = name("scheduledStart");
    static final SerializableString SCHEDULED_END = name("scheduledEnd");
    static final SerializableString STARTED_AT = name("startedAt");
    static final SerializableString ENDED_AT = name("endedAt");
    static final SerializableString DURATION_SECONDS = name("durationSeconds");
    static final SerializableString OWNER = name("owner");
    static final SerializableString USER = name("user");
    static final SerializableString PARTICIPANT = name("participant");
    static final SerializableString LOCATION = name("location");
    static final SerializableString PARENT = name("parent");
    static final SerializableString INFERRED = name("inferred");
    static final SerializableString RECOVERED = name("recovered");
    static final SerializableString ATTRIBUTES = name("attributes");
    static final SerializableString NAME = name("name");
    static final SerializableString EMAIL = name("email");
    static final SerializableString LOGIN = name("login");
    static final SerializableString ROLE = name("role");
    static final SerializableString LATITUDE = name("latitude");
    static final SerializableString LONGITUDE = name("longitude");
    static final SerializableString ADDRESS = name("address");
    static final SerializableString COUNTRY = name("country");
    static final SerializableString CITY = name("city");

    private static final SerializableString[] TYPES = values(EventType.values().length);
    private static final SerializableString[] STATUSES = values(SessionStatus.values().length);

    static {
        for (EventType t : EventType.values()) {
            TYPES[t.ordinal()] = name(t.type());
        }
        for (SessionStatus s : SessionStatus.values()) {
            STATUSES[s.ordinal()] = name(s.value());
        }
    }

    private EnvelopeNames() {
    }

    static SerializableString of(EventType type) {
        return TYPES[type.ordinal()];
    }

    static SerializableString of(SystemId system) {
        return system.encoded();
    }

    static SerializableString of(SessionKind kind) {
        return kind.encoded();
    }

    static SerializableString of(SessionStatus status) {
        return STATUSES[status.ordinal()];
    }

    private static SerializableString name(String text) {
        return new SerializedString(text);
    }

    private static SerializableString[] values(int count) {
        return new SerializableString[count];
    }
}
