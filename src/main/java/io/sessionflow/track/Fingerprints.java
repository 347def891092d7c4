package io.sessionflow.track;

import io.sessionflow.event.EventJson;
import io.sessionflow.event.SessionData;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A stable digest of a session's meaningful fields. Mappers put only meaningful fields into
 * {@link SessionData}, so any difference in it is a change worth an update event.
 */
final class Fingerprints {
    private Fingerprints() {
    }

    static String of(SessionData data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.toBytes(meaningful(data)));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
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

    /** Status and event marks are excluded: a status change is its own event, marks belong to one event. */
    private static SessionData meaningful(SessionData data) {
        return data.withStatus(null).withMarks(null, false, false);
    }
}
