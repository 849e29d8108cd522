package vn.schoolguard.iplog;

import java.time.Instant;

/**
 * A stored IP log entry with its place in the chain.
 *
 * @param seq            position in the site's chain, from 1, without gaps
 * @param loggedAt       when (UTC, millisecond precision)
 * @param clientIp       the client's address (a pseudonym after pseudonymisation)
 * @param clientPort     the client's source port, -1 when unknown
 * @param peerIp         the socket peer's address
 * @param peerPort       the socket peer's port
 * @param forwardedChain forwarding headers as received, may be null
 * @param forwardedFlag  whether the chain held a malformed entry
 * @param userAgent      may be null
 * @param posterUser     may be null
 * @param route          route name
 * @param method         HTTP method
 * @param path           path within the web application
 * @param submissionId   may be null
 * @param receipt        may be null
 * @param outcome        what became of the attempt
 * @param detail         may be null
 * @param contentSha256  may be null
 * @param personalSalt   the salt of the personal-data commitment (null after pseudonymisation)
 * @param personalHash   the commitment to the personal data
 * @param pseudonymised  whether personal data were replaced by pseudonyms
 * @param prevHash       the previous entry's hash (or the anchor's)
 * @param entryHash      this entry's hash
 */
public record IpLogRecord(long seq, Instant loggedAt, String clientIp, int clientPort, String peerIp, int peerPort,
                          String forwardedChain, boolean forwardedFlag, String userAgent, String posterUser,
                          String route, String method, String path, Long submissionId, String receipt,
                          Outcome outcome, String detail, String contentSha256, String personalSalt,
                          String personalHash, boolean pseudonymised, String prevHash, String entryHash) {
}
