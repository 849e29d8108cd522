package vn.schoolguard.net;

/**
 * Where a request came from.
 *
 * @param ip             the client's address: the socket peer, or the nearest untrusted hop of the forwarding chain
 * @param port           the client's source port, -1 when no trusted proxy passed it on
 * @param peerIp         the socket peer's address
 * @param peerPort       the socket peer's port
 * @param forwardedChain the forwarding headers exactly as received (may be null), kept as evidence even when not believed
 * @param malformed      whether the chain held an entry that is not an address (recorded raw, never used as the client)
 */
public record ClientAddress(String ip, int port, String peerIp, int peerPort, String forwardedChain, boolean malformed) {
}
