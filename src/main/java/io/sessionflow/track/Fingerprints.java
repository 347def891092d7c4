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
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(EventJson.toBytes(data.withStatus(null).withMarks(null, false, false)));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
