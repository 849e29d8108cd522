package vn.schoolguard.internal.net;

/**
 * Where a request came from.
 *
 * @param ip             the client's address: the socket peer, or the nearest hop of the forwarding chain that is
 *                       not a trusted proxy; when that hop is not an address, a marker that is never an address:
 *                       {@code unknown}, the proxy's obfuscated identifier ({@code _hidden}) or {@code malformed}
 * @param port           the client's source port, -1 when no trusted proxy passed it on
 * @param peerIp         the socket peer's address
 * @param peerPort       the socket peer's port
 * @param forwardedChain the forwarding headers exactly as received (may be null), kept as evidence even when not believed
 * @param malformed      whether the client's hop of the chain was not an address (then {@code ip} is the marker)
 * @param forwarded      whether {@code ip} was taken from a trusted proxy's forwarding header rather than the socket
 */
public record ClientAddress(String ip, int port, String peerIp, int peerPort, String forwardedChain, boolean malformed,
                            boolean forwarded) {

    /** Whether the client is this machine itself: a loopback socket peer that forwarded for no one. */
    public boolean isLocalSocketPeer() {
        return !forwarded && IpLiteral.parse(ip).map(ClientAddress::loopback).orElse(false);
    }

    private static boolean loopback(byte[] address) {
        byte[] a = IpLiteral.unmapIpv4(address);
        if (a.length == 4) {
            return a[0] == 127;
        }
        for (int i = 0; i < 15; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return a[15] == 1;
    }
}
