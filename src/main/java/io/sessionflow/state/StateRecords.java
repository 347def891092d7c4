package io.sessionflow.state;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import io.sessionflow.track.KnownSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Keys and values of the compacted state topic: {@code session:<session key>} holds what was published for
 * a session, {@code cursor:<system>[/<account>]} when the account was last polled, {@code dead:<fingerprint>} that a
 * bad record was dead-lettered already. The latest value per key is the state; every value names its account.
 */
public final class StateRecords {
    static final String SESSION = "session:";
    static final String CURSOR = "cursor:";
    static final String DEAD_LETTER = "dead:";
    static final String REMOVED = "removed:";
    static final String FAILURE = "failure:";

    /** The value of a cursor record; {@code account} null for account {@code default}. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"system", "account", "lastPoll"})
    public record Cursor(SystemId system, String account, Instant lastPoll) {
        public SourceAccount source() {
            return new SourceAccount(system, account == null ? SourceAccount.DEFAULT : account);
        }
    }

    /** The value of a dead-letter record: a bad record of this account was published to the dead-letter topic. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"system", "account", "at"})
    public record DeadLettered(SystemId system, String account, Instant at) {
        SourceAccount source() {
            return new SourceAccount(system, account == null ? SourceAccount.DEFAULT : account);
        }
    }

    private StateRecords() {
    }

    public static String sessionKey(String sessionKey) {
        return SESSION + sessionKey;
    }

    public static String cursorKey(SourceAccount account) {
        return CURSOR + account.prefix();
    }

    /** Written in the shard's transaction once a removed account stopped: nothing of it is committed after this. */
    public static String removedKey(SourceAccount account) {
        return REMOVED + account;
    }

    public static boolean isRemoval(String key) {
        return key != null && key.startsWith(REMOVED);
    }

    /** The last failed poll of an account, for {@code sessionflow cluster}; never read back into a tracker. */
    public static String failureKey(SourceAccount account) {
        return FAILURE + account;
    }

    /** The value of a failure record: when and why (the same credential-free line as the log). */
    public record Failure(String system, String account, Instant at, String error) {
    }

    public static boolean isFailure(String key) {
        return key != null && key.startsWith(FAILURE);
    }

    public static boolean isCursor(String key, SourceAccount account) {
        return cursorKey(account).equals(key);
    }

    /** The value of a removal record: when the owning instance stopped the account. */
    public record Removed(String system, String account, Instant at) {
    }

    public static String deadLetterKey(String fingerprint) {
        return DEAD_LETTER + fingerprint;
    }

    public static byte[] value(KnownSession session) {
        return EventJson.toBytes(session);
    }

    public static byte[] value(Cursor cursor) {
        return EventJson.toBytes(cursor);
    }

    public static byte[] value(DeadLettered deadLettered) {
        return EventJson.toBytes(deadLettered);
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

    static String fingerprintOf(String deadLetterKey) {
        return deadLetterKey.substring(DEAD_LETTER.length());
    }

    public static boolean isCursor(String key) {
        return key != null && key.startsWith(CURSOR);
    }

    static KnownSession session(byte[] value) {
        return read(value, KnownSession.class);
    }

    public static Cursor cursor(byte[] value) {
        return read(value, Cursor.class);
    }

    static DeadLettered deadLettered(byte[] value) {
        return read(value, DeadLettered.class);
    }

    public static Failure failure(byte[] value) {
        return read(value, Failure.class);
    }

    public static Removed removed(byte[] value) {
        return read(value, Removed.class);
    }

    private static <T> T read(byte[] value, Class<T> type) {
        try {
            return EventJson.mapper().readValue(value, type);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable state record: " + e.getMessage(), e);
        }
    }
}
