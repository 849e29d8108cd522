package vn.schoolguard.internal.net;

import java.util.List;

import vn.schoolguard.internal.net.ForwardedHops.Hop;

/**
 * Finds the client's address and source port from the socket peer and the forwarding headers.
 *
 * <p>Only the one header named by {@code proxies.header} is read, and only from a socket peer in
 * {@code proxies.trusted}; the other header is kept verbatim as evidence but never used, since a client can
 * send either. The chain (all header lines joined in order) is walked right to left: each hop that is a
 * trusted proxy passes the walk on, the first that is not is the client. A hop that is not an address
 * ({@code unknown}, an obfuscated {@code _id}, garbage or an ambiguous form such as {@code 010.0.0.1}) is
 * the client too, flagged as malformed: it is never skipped (that would let the client pick the address to
 * its left) and never replaced by the proxy's own address (that would hand out the proxy's exemptions).
 * Thread-safe.
 */
// Security-critical: the client address is evidence for investigators and the key of limits and blocks.
public final class ClientAddresses {

    private static final int MAX_CHAIN_CHARS = 2000;

    private final ProxySettings proxies;

    public ClientAddresses(ProxySettings proxies) {
        this.proxies = proxies;
    }

    /**
     * @param remoteAddr     the socket peer's address as the container gives it
     * @param peerPort       the socket peer's port
     * @param forwardedLines every {@code Forwarded} header line in the order received (none: empty)
     * @param xForwardedFor  every {@code X-Forwarded-For} header line in the order received
     */
    public ClientAddress resolve(String remoteAddr, int peerPort, List<String> forwardedLines, List<String> xForwardedFor) {
        String peerIp = IpLiteral.canonical(remoteAddr).orElse(remoteAddr);
        String forwarded = joined(forwardedLines);
        String xff = joined(xForwardedFor);
        String chainText = describe(forwarded, xff);
        boolean useForwarded = proxies.header() == ProxySettings.ForwardingHeader.FORWARDED;
        String header = useForwarded ? forwarded : xff;
        if (header == null || !proxies.isTrusted(peerIp)) {
            return new ClientAddress(peerIp, peerPort, peerIp, peerPort, chainText, false, false);
        }
        List<Hop> hops = useForwarded ? ForwardedHops.forwarded(header) : ForwardedHops.xForwardedFor(header);
        if (hops.isEmpty()) {
            return new ClientAddress(peerIp, peerPort, peerIp, peerPort, chainText, false, false);
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.ip().isEmpty()) {
                return new ClientAddress(hop.marker(), -1, peerIp, peerPort, chainText, true, true);
            }
            if (i == 0 || !proxies.isTrusted(hop.ip().get())) {
                return new ClientAddress(hop.ip().get(), hop.port(), peerIp, peerPort, chainText, false, true);
            }
        }
        throw new IllegalStateException("unreachable: the walk ends at the first hop");
    }

    /** Every line of a header, joined in the order received; null when there is none. */
    private static String joined(List<String> lines) {
        return lines == null || lines.isEmpty() ? null : String.join(", ", lines);
    }

    private static String describe(String forwarded, String xff) {
        if (forwarded == null && xff == null) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (forwarded != null) {
            text.append("Forwarded: ").append(forwarded);
        }
        if (xff != null) {
            if (text.length() > 0) {
                text.append(" | ");
            }
            text.append("X-Forwarded-For: ").append(xff);
        }
        return text.length() > MAX_CHAIN_CHARS ? text.substring(0, MAX_CHAIN_CHARS) : text.toString();
    }
}
