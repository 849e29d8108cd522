package vn.schoolguard.iplog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How IP log entries are hashed. Each value is written as its UTF-8 length, a colon and the bytes, so no
 * two different entries serialise alike; a null is {@code -1:}. Documented in docs/en/investigator-guide.md
 * so that an exported row can be checked with any SHA-256 tool.
 */
// Security-critical: changing anything here breaks every existing chain.
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "sg-iplog-1";

    private ChainHash() {
    }

    /** The commitment to an entry's personal data: addresses, ports, forwarding chain, user agent, user. */
    static String personal(String salt, String clientIp, int clientPort, String peerIp, int peerPort,
                           String forwardedChain, String userAgent, String posterUser) {
        return sha256(VERSION, "personal", salt, clientIp, String.valueOf(clientPort), peerIp, String.valueOf(peerPort),
                forwardedChain, userAgent, posterUser);
    }

    /** An entry's hash, covering the previous entry's hash. */
    static String entry(String siteKey, IpLogRecord r) {
        return sha256(VERSION, "entry", siteKey, String.valueOf(r.seq()), String.valueOf(r.loggedAt().toEpochMilli()),
                r.route(), r.method(), r.path(), r.submissionId() == null ? null : String.valueOf(r.submissionId()),
                r.receipt(), r.outcome().key(), r.detail(), r.contentSha256(), String.valueOf(r.forwardedFlag()),
                r.personalHash(), r.prevHash());
    }

    static String sha256(String... values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String value : values) {
                if (value == null) {
                    digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
                } else {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                    digest.update(bytes);
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
