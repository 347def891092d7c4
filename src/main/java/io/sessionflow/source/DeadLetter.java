package io.sessionflow.source;

import io.sessionflow.event.SourceAccount;
import io.sessionflow.event.SystemId;
import java.time.Instant;

/** A vendor record that could not be mapped: its raw text and why, so nothing is silently lost. */
public record DeadLetter(SystemId system, String endpoint, Instant at, String reason, String raw) {

    /**
     * The same bad record from the same place of the same account: dead-lettered once, not again on every poll
     * that lists it. Account {@code default} keeps the fingerprints it had before accounts existed. The place is the
     * endpoint without its query: a list's query carries the poll's time window (Seeit's {@code startTime}/{@code
     * endTime}), which moves with every poll.
     */
    public String fingerprint(SourceAccount account) {
        int query = endpoint.indexOf('?');
        String place = query < 0 ? endpoint : endpoint.substring(0, query);
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((account.prefix() + '\u0000' + place + '\u0000')
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] digest = sha.digest(String.valueOf(raw).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
