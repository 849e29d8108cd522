package vn.schoolguard.internal.iplog;

import java.time.Instant;

/**
 * A stored IP log entry with its place in the chain: who posted ({@link Origin}), what they sent and what became
 * of it ({@link Attempt}), and how it is tied into the chain ({@link Seal}). The flat accessors
 * ({@link #clientIp()}, {@link #route()}, ...) read through to the parts.
 *
 * @param seq      position in the site's chain, from 1, without gaps
 * @param loggedAt when (UTC, millisecond precision)
 * @param origin   addresses, ports, forwarding chain, user agent and user: the personal data
 * @param attempt  route, request and outcome
 * @param seal     the personal-data commitment and the chain hashes
 */
public record IpLogRecord(long seq, Instant loggedAt, Origin origin, Attempt attempt, Seal seal) {

    /**
     * Where an attempt came from (all of it personal data, covered by {@link Seal#personalHash()}).
     *
     * @param clientIp       the client's address (a pseudonym after pseudonymisation)
     * @param clientPort     the client's source port, -1 when unknown
     * @param peerIp         the socket peer's address
     * @param peerPort       the socket peer's port
     * @param forwardedChain forwarding headers as received, may be null
     * @param forwardedFlag  whether the chain held a malformed entry
     * @param userAgent      may be null
     * @param posterUser     may be null
     */
    public record Origin(String clientIp, int clientPort, String peerIp, int peerPort, String forwardedChain,
                         boolean forwardedFlag, String userAgent, String posterUser) {
    }

    /**
     * What was attempted and what became of it.
     *
     * @param route         route name
     * @param method        HTTP method
     * @param path          path within the web application
     * @param submissionId  may be null
     * @param receipt       may be null
     * @param outcome       what became of the attempt
     * @param detail        may be null
     * @param contentSha256 may be null
     */
    public record Attempt(String route, String method, String path, Long submissionId, String receipt, Outcome outcome,
                          String detail, String contentSha256) {
    }

    /**
     * How the entry is tied into the chain.
     *
     * @param personalSalt  the salt of the personal-data commitment (null after pseudonymisation)
     * @param personalHash  the commitment to the personal data
     * @param pseudonymised whether personal data were replaced by pseudonyms
     * @param prevHash      the previous entry's hash (or the anchor's)
     * @param entryHash     this entry's hash (null before it is hashed)
     */
    public record Seal(String personalSalt, String personalHash, boolean pseudonymised, String prevHash, String entryHash) {

        Seal withEntryHash(String hash) {
            return new Seal(personalSalt, personalHash, pseudonymised, prevHash, hash);
        }
    }

    /** The same record with its entry hash set. */
    IpLogRecord withEntryHash(String hash) {
        return new IpLogRecord(seq, loggedAt, origin, attempt, seal.withEntryHash(hash));
    }

    public String clientIp() {
        return origin.clientIp();
    }

    public int clientPort() {
        return origin.clientPort();
    }

    public String peerIp() {
        return origin.peerIp();
    }

    public int peerPort() {
        return origin.peerPort();
    }

    public String forwardedChain() {
        return origin.forwardedChain();
    }

    public boolean forwardedFlag() {
        return origin.forwardedFlag();
    }

    public String userAgent() {
        return origin.userAgent();
    }

    public String posterUser() {
        return origin.posterUser();
    }

    public String route() {
        return attempt.route();
    }

    public String method() {
        return attempt.method();
    }

    public String path() {
        return attempt.path();
    }

    public Long submissionId() {
        return attempt.submissionId();
    }

    public String receipt() {
        return attempt.receipt();
    }

    public Outcome outcome() {
        return attempt.outcome();
    }

    public String detail() {
        return attempt.detail();
    }

    public String contentSha256() {
        return attempt.contentSha256();
    }

    public String personalSalt() {
        return seal.personalSalt();
    }

    public String personalHash() {
        return seal.personalHash();
    }

    public boolean pseudonymised() {
        return seal.pseudonymised();
    }

    public String prevHash() {
        return seal.prevHash();
    }

    public String entryHash() {
        return seal.entryHash();
    }
}
