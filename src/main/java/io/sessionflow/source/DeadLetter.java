package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import java.time.Instant;

/** A vendor record that could not be mapped: its raw text and why, so nothing is silently lost. */
public record DeadLetter(SystemId system, String endpoint, Instant at, String reason, String raw) {

    /**
     * The same bad record from the same place of the same account: dead-lettered once, not again on every poll
     * that lists it. Account {@code default} keeps the fingerprints it had before accounts existed.
     */
    public String fingerprint(SourceAccount account) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((account.prefix() + '\u0000' + endpoint + '\u0000')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] digest = sha.digest(String.valueOf(raw).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
