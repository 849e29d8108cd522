package vn.schoolguard.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the client's address and source port. Forwarding headers are believed only from configured
 * proxies, and walked right to left through trusted hops only, so a client cannot choose its own address
 * by sending {@code X-Forwarded-For}.
 */
// Security-critical: the client address is evidence for investigators.
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
        if (!proxies.isTrusted(peerIp) || (forwarded == null && xff == null)) {
            return new ClientAddress(peerIp, peerPort, peerIp, peerPort, chainText, false);
        }
        List<Hop> hops = forwarded != null ? parseForwarded(forwarded) : parseXForwardedFor(xff);
        // Walk from the nearest hop outwards while each address is a trusted proxy.
        String client = peerIp;
        int clientPort = -1;
        boolean malformed = false;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Hop hop = hops.get(i);
            if (hop.ip().isEmpty()) {
                malformed = true;
                break;
            }
            client = hop.ip().get();
            clientPort = hop.port();
            if (!proxies.isTrusted(client)) {
                break;
            }
        }
        return new ClientAddress(client, clientPort, peerIp, peerPort, chainText, malformed || hops.stream().anyMatch(h -> h.ip().isEmpty()));
    }

    private record Hop(Optional<String> ip, int port) {
    }

    private static List<Hop> parseForwarded(String header) {
        List<Hop> hops = new ArrayList<>();
        for (String element : header.split(",")) {
            String forValue = null;
            for (String pair : element.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    forValue = unquote(pair.substring(eq + 1).trim());
                }
            }
            if (forValue != null) {
                hops.add(hop(forValue));
            }
        }
        return hops;
    }

    private static List<Hop> parseXForwardedFor(String header) {
        List<Hop> hops = new ArrayList<>();
        for (String item : header.split(",")) {
            if (!item.isBlank()) {
                hops.add(hop(item.trim()));
            }
        }
        return hops;
    }

    /** One node: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [2001:db8::1]:4711} or a bare IPv6 address. */
    private static Hop hop(String node) {
        String host = node;
        int port = -1;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                return new Hop(Optional.empty(), -1);
            }
            host = node.substring(1, close);
            port = port(node.substring(close + 1));
        } else if (node.indexOf(':') == node.lastIndexOf(':') && node.indexOf(':') > 0) {
            int colon = node.indexOf(':');
            host = node.substring(0, colon);
            port = port(node.substring(colon));
        }
        return new Hop(IpLiteral.canonical(host), port);
    }

    private static int port(String suffix) {
        if (!suffix.startsWith(":")) {
            return -1;
        }
        try {
            int port = Integer.parseInt(suffix.substring(1));
            return port >= 0 && port <= 65535 ? port : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

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
