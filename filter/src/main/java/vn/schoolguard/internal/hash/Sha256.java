package vn.schoolguard.internal.hash;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA-256, the one way the code base hashes: raw digests, lower-case hex, and a fresh {@link MessageDigest}
 * for callers that feed it piece by piece. Strings are hashed as UTF-8. Thread-safe (nothing is shared).
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** A new SHA-256 digest to update in parts. */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The 32-byte digest of {@code bytes}. */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** The 32-byte digest of {@code text} as UTF-8. */
    public static byte[] digest(String text) {
        return digest(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The digest of {@code bytes} as 64 lower-case hex digits. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest(bytes));
    }

    /** The digest of {@code text} (UTF-8) as 64 lower-case hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of any bytes (a finished digest, a salt, a key). */
    public static String toHex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** HMAC-SHA256 of {@code text} (UTF-8) under {@code key}, as 64 lower-case hex digits. */
    public static String hmacHex(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return toHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
