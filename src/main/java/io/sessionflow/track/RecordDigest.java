package io.sessionflow.track;

import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The first 128 bits of SHA-256 over a vendor record's whole mapping input (its scope and text): equal
 * digests mean the same input, so the same snapshot. Kept instead of the text, which can be kilobytes.
 */
public record RecordDigest(long high, long low) {
    /** One per thread, reused: a poll digests every record it lists. */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(RecordDigest::sha256);

    /** @return null when there is no text: such a record cannot be recognised as unchanged */
    public static RecordDigest of(String scope, String text) {
        if (text == null) {
            return null;
        }
        MessageDigest sha = SHA_256.get();
        if (scope != null) {
            sha.update(scope.getBytes(StandardCharsets.UTF_8));
        }
        // the separator keeps scope "a" + text "bc" apart from scope "ab" + text "c"
        sha.update((byte) 0);
        ByteBuffer digest = ByteBuffer.wrap(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        return new RecordDigest(digest.getLong(), digest.getLong());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
