package vn.schoolguard.internal.iplog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import vn.schoolguard.internal.hash.Sha256;

/**
 * How IP log entries are hashed. Each value is written as its UTF-8 length, a colon and the bytes, so no
 * two different entries serialise alike; a null is {@code -1:}. Documented in docs/en/investigator-guide.md
 * so that an exported row can be checked with any SHA-256 tool.
 */
// Security-critical: changing anything here breaks every existing chain.
public final class ChainHash {

    /** The hash the first entry of a chain follows. */
    public static final String GENESIS = "0".repeat(64);
    private static final String VERSION = "sg-iplog-1";

    private ChainHash() {
    }

    /** The commitment to an entry's personal data: addresses, ports, forwarding chain, user agent, user. */
    static String personal(String salt, IpLogRecord.Origin o) {
        return framed(VERSION, "personal", salt, o.clientIp(), String.valueOf(o.clientPort()), o.peerIp(),
                String.valueOf(o.peerPort()), o.forwardedChain(), o.userAgent(), o.posterUser());
    }

    /** An entry's hash, covering the previous entry's hash. */
    static String entry(String siteKey, IpLogRecord r) {
        return framed(VERSION, "entry", siteKey, String.valueOf(r.seq()), String.valueOf(r.loggedAt().toEpochMilli()),
                r.route(), r.method(), r.path(), r.submissionId() == null ? null : String.valueOf(r.submissionId()),
                r.receipt(), r.outcome().key(), r.detail(), r.contentSha256(), String.valueOf(r.forwardedFlag()),
                r.personalHash(), r.prevHash());
    }

    /** SHA-256 (hex) over the values, each framed as {@code <UTF-8 length>:<bytes>}, a null as {@code -1:}. */
    static String framed(String... values) {
        MessageDigest digest = Sha256.newDigest();
        for (String value : values) {
            if (value == null) {
                digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            } else {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
                digest.update(bytes);
            }
        }
        return Sha256.toHex(digest.digest());
    }
}
