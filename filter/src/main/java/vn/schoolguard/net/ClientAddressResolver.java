package vn.schoolguard.net;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.net.ForwardedHops.Hop;

/**
 * Finds the client's address and source port.
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
public final class ClientAddressResolver {

    private static final int MAX_CHAIN_CHARS = 2000;

    private final ProxySettings proxies;

    public ClientAddressResolver(ProxySettings proxies) {
        this.proxies = proxies;
    }

    public ClientAddress resolve(HttpServletRequest request) {
        String peerIp = IpLiteral.canonical(request.getRemoteAddr()).orElse(request.getRemoteAddr());
        int peerPort = request.getRemotePort();
        String forwarded = joined(request, "Forwarded");
        String xff = joined(request, "X-Forwarded-For");
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
    private static String joined(HttpServletRequest request, String name) {
        var values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        List<String> all = new ArrayList<>();
        values.asIterator().forEachRemaining(all::add);
        return String.join(", ", all);
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
