package io.sessionflow.state;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.KnownSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Keys and values of the compacted state topic: {@code session:<system>:<id>} holds what was published for
 * a session, {@code cursor:<system>} when the system was last polled, {@code dead:<fingerprint>} that a bad
 * record was dead-lettered already. The latest value per key is the state.
 */
public final class StateRecords {
    static final String SESSION = "session:";
    static final String CURSOR = "cursor:";
    static final String DEAD_LETTER = "dead:";

    /** The value of a cursor record. */
    public record Cursor(SystemId system, Instant lastPoll) {
    }

    /** The value of a dead-letter record: which system, and when it was published. */
    public record DeadLetterSeen(SystemId system, Instant at) {
    }

    private StateRecords() {
    }

    public static String sessionKey(String sessionKey) {
        return SESSION + sessionKey;
    }

    public static String cursorKey(SystemId system) {
        return CURSOR + system.id();
    }

    public static String deadLetterKey(String fingerprint) {
        return DEAD_LETTER + fingerprint;
    }

    public static byte[] value(KnownSession session) {
        return KnownSessionJson.bytes(session);
    }

    public static byte[] value(DeadLetterSeen seen) {
        return EventJson.toBytes(seen);
    }

    public static byte[] value(Cursor cursor) {
        return EventJson.toBytes(cursor);
    }

    static boolean isSession(String key) {
        return key != null && key.startsWith(SESSION);
    }

    static boolean isDeadLetter(String key) {
        return key != null && key.startsWith(DEAD_LETTER);
    }

    /** The tracker's key of a session record's key. */
    static String trackerKeyOf(String sessionRecordKey) {
        return sessionRecordKey.substring(SESSION.length());
    }

    static DeadLetterSeen deadLetter(byte[] value) {
        return read(value, DeadLetterSeen.class);
    }

    static String fingerprintOf(String deadLetterKey) {
        return deadLetterKey.substring(DEAD_LETTER.length());
    }

    static boolean isCursor(String key) {
        return key != null && key.startsWith(CURSOR);
    }

    static KnownSession session(byte[] value) {
        return read(value, KnownSession.class);
    }

    static Cursor cursor(byte[] value) {
        return read(value, Cursor.class);
    }

    private static <T> T read(byte[] value, Class<T> type) {
        try {
            return EventJson.mapper().readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state record: " + e.getMessage(), e);
        }
    }
}
