package io.sessionflow.privacy;

import io.sessionflow.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Client IP addresses are personal data: published events carry a keyed hash instead (HMAC-SHA256, so the
 * same address gives the same value and sessions can still be correlated, but it cannot be reversed by
 * hashing all 2^32 addresses without the key).
 */
public final class IpMasker {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IpMasker.class);
    private final byte[] key;

    private IpMasker(byte[] key) {
        this.key = key;
    }

    /** No masking: addresses pass through unchanged. */
    public static IpMasker off() {
        return new IpMasker(null);
    }

    public static IpMasker withKey(String key) {
        return new IpMasker(key.getBytes(StandardCharsets.UTF_8));
    }

    public static IpMasker from(Settings s) {
        return from(s, 0);
    }

    /**
     * @param hashedSessions open sessions the state topic holds with hashes of an earlier key: if the key is made
     *                       anew, each will get a {@code session.updated} carrying the new hash
     */
    public static IpMasker from(Settings s, long hashedSessions) {
        if (!s.bool("sessionflow.privacy.mask-ip")) {
            return off();
        }
        String key = s.string("sessionflow.privacy.ip-hash-key");
        return key.isEmpty() ? new IpMasker(keyFile(Path.of(s.string("sessionflow.privacy.ip-hash-key-file")),
                hashedSessions)) : withKey(key);
    }

    /** @return {@code hmac-sha256:<first 16 bytes hex>}, the address itself when masking is off, null for null */
    public String mask(String ip) {
        if (ip == null || key == null) {
            return ip;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(ip.getBytes(StandardCharsets.UTF_8));
            return "hmac-sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    /**
     * A random key made once per installation and kept, so hashes stay stable across restarts: only as long as the
     * file is kept, so losing it (a container redeployed without a volume) is said loudly, before the spurious
     * updates it causes.
     */
    private static byte[] keyFile(Path file, long hashedSessions) {
        if (KeyFileStorage.lostOnRedeploy(file)) {
            LOG.warn("the IP hash key file {} is on the container's own file system, which a redeploy replaces: "
                    + "the next deploy makes a new key, and every open Tradernet session then gets a session.updated "
                    + "with new IP hashes. Mount a volume there (docker-compose.yml mounts one at /app/data) or set "
                    + "SESSIONFLOW_PRIVACY_IP_HASH_KEY", file);
        }
        try {
            if (!Files.exists(file)) {
                if (hashedSessions > 0) {
                    LOG.warn(
                            "the IP hash key file {} is gone although sessions.state holds {} open Tradernet sessions"
                                + " hashed with its key: a new key is made, and each open session gets a"
                                + " session.updated whose IP hashes differ from all before. Restore the file, or keep"
                                + " it on persistent storage or in SESSIONFLOW_PRIVACY_IP_HASH_KEY from now on",
                            file,
                            hashedSessions);
                } else {
                    LOG.info("generated the IP hash key in {}; keep that file (hashes of client IPs change with it) "
                            + "or set SESSIONFLOW_PRIVACY_IP_HASH_KEY", file);
                }
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                if (file.toAbsolutePath().getParent() != null) {
                    Files.createDirectories(file.toAbsolutePath().getParent());
                }
                Files.writeString(file, HexFormat.of().formatHex(fresh), StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's permissions protect it
                }
            }
            return HexFormat.of().parseHex(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the IP hash key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("IP hash key file " + file + " does not hold a hex key", e);
        }
    }
}
