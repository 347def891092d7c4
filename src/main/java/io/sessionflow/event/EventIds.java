package io.sessionflow.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic event ids: a name-based UUID (version 5, SHA-1) of the vendor state that caused the event.
 * The same state seen again (re-poll, restart, replay, re-derivation) yields the same id.
 */
public final class EventIds {
    private static final byte[] NAMESPACE = bytes(UUID.fromString("6f0c8a3e-2d4b-5c1a-9e7f-5e55104f10e5"));

    private EventIds() {
    }

    /**
     * @param discriminator what makes this occurrence unique for the session and type, "" for once-only events
     */
    public static String of(SessionData session, EventType type, String discriminator) {
        // account default names no account, so its ids are the ones published before accounts existed
        String system = session.account() == null ? session.system().id()
                : session.system().id() + '/' + session.account();
        return of(system, session.sessionId(), type, discriminator);
    }

    /** The id of an event of account {@code default}. */
    public static String of(SystemId system, String sessionId, EventType type, String discriminator) {
        return of(system.id(), sessionId, type, discriminator);
    }

    private static String of(String system, String sessionId, EventType type, String discriminator) {
        String name = system + '\u0000' + sessionId + '\u0000' + type.type() + '\u0000' + discriminator;
        return nameUuid(name).toString();
    }

    static UUID nameUuid(String name) {
        MessageDigest sha1 = sha1();
        sha1.update(NAMESPACE);
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (hash[i] & 0xff);
            lsb = (lsb << 8) | (hash[i + 8] & 0xff);
        }
        return new UUID(msb, lsb);
    }

    private static byte[] bytes(UUID uuid) {
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
            out[i + 8] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return out;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
