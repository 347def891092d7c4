package io.sessionflow.track;

import io.sessionflow.event.EnvelopeWriter;
import io.sessionflow.event.JsonBytes;
import io.sessionflow.event.SessionData;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable digest of a session's meaningful fields. Mappers put only meaningful fields into
 * {@link SessionData}, so any difference in it is a change worth an update event.
 */
final class Fingerprints {
    /** One digest per thread instead of a provider look-up for every changed session. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(Fingerprints::sha256);

    private Fingerprints() {
    }

    /**
     * SHA-256 of the meaningful fields as the envelope's JSON ({@link EnvelopeWriter}, the data's one
     * serialization). Fingerprints already on the state topic and the ids of update events derive from these
     * bytes, so they must not change.
     */
    static String of(SessionData data) {
        SessionData meaningful = meaningful(data);
        byte[] json = JsonBytes.of(g -> EnvelopeWriter.data(g, meaningful));
        return HexFormat.of().formatHex(SHA_256.get().digest(json), 0, 16);
    }

    /**
     * The fingerprint of {@code now}, reusing the one {@code before} was published with when the meaningful
     * fields are equal: equal data serializes to equal bytes, so the digest would be the same. An unchanged
     * session (most of every poll) then costs a record comparison instead of JSON serialization and SHA-256.
     * Data that only serializes alike (e.g. numbers restored from JSON as another type) is hashed as before.
     */
    static String of(SessionData now, KnownSession before) {
        if (before != null && meaningful(before.data()).equals(meaningful(now))) {
            return before.fingerprint();
        }
        return of(now);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** Status and event marks are excluded: a status change is its own event, marks belong to one event. */
    private static SessionData meaningful(SessionData data) {
        return data.withStatus(null).withMarks(null, false, false);
    }
}
