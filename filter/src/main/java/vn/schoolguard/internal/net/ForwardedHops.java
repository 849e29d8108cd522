package vn.schoolguard.internal.net;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Splits one forwarding header into hops and reads each hop's node (address and port) strictly. */
// Security-critical: a hop that is not exactly one address must come out as malformed, never as a neighbour's address.
final class ForwardedHops {

    /** RFC 7239 obfuscated identifier, used as the client's marker when a proxy hides the address. */
    private static final Pattern OBFUSCATED = Pattern.compile("_[A-Za-z0-9._-]{1,64}");

    /** One hop: an address (canonical text) and port, or a marker when the node is not an address. */
    record Hop(Optional<String> ip, int port, String marker) {

        static Hop malformed(String node) {
            String trimmed = node.trim();
            String marker = trimmed.equalsIgnoreCase("unknown") ? "unknown"
                    : OBFUSCATED.matcher(trimmed).matches() ? trimmed : "malformed";
            return new Hop(Optional.empty(), -1, marker);
        }
    }

    private ForwardedHops() {
    }

    /** {@code X-Forwarded-For}: comma-separated nodes; empty list elements are not hops (HTTP list syntax). */
    static List<Hop> xForwardedFor(String header) {
        List<Hop> hops = new ArrayList<>();
        for (String item : header.split(",", -1)) {
            if (!item.isBlank()) {
                hops.add(node(item.trim(), false));
            }
        }
        return hops;
    }

    /**
     * {@code Forwarded}: comma-separated elements, each with exactly one {@code for=} parameter. Quotes are
     * not honoured across commas on purpose: proxies never quote a comma, and an unclosed quote sent by a
     * client must not swallow the element the proxy appended after it.
     */
    static List<Hop> forwarded(String header) {
        List<Hop> hops = new ArrayList<>();
        for (String element : header.split(",", -1)) {
            if (element.isBlank()) {
                continue;
            }
            String forValue = null;
            int forCount = 0;
            for (String pair : element.split(";", -1)) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("for")) {
                    forValue = pair.substring(eq + 1).trim();
                    forCount++;
                }
            }
            if (forCount != 1) {
                // An element of this hop that names no client (or two) says nothing reliable about it.
                hops.add(Hop.malformed(""));
                continue;
            }
            String node = unquote(forValue);
            hops.add(node == null ? Hop.malformed("") : node(node, true));
        }
        return hops;
    }

    /** A quoted string without escapes, or a plain token; null for a stray quote or an escape. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String inner = value.substring(1, value.length() - 1);
            return inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0 ? null : inner;
        }
        return value.indexOf('"') >= 0 ? null : value;
    }

    /**
     * One node: {@code 1.2.3.4}, {@code 1.2.3.4:5678}, {@code [2001:db8::1]}, {@code [2001:db8::1]:4711} or a
     * bare IPv6 address; with {@code obfuscatedPort} an RFC 7239 {@code _port} is allowed (port unknown).
     */
    static Hop node(String node, boolean obfuscatedPort) {
        String host = node;
        String portText = null;
        if (node.startsWith("[")) {
            int close = node.indexOf(']');
            if (close < 0) {
                return Hop.malformed(node);
            }
            host = node.substring(0, close + 1);
            String rest = node.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    return Hop.malformed(node);
                }
                portText = rest.substring(1);
            }
            if (host.indexOf(':') < 0) {
                return Hop.malformed(node);
            }
        } else if (node.indexOf(':') > 0 && node.indexOf(':') == node.lastIndexOf(':')) {
            host = node.substring(0, node.indexOf(':'));
            portText = node.substring(node.indexOf(':') + 1);
        }
        Optional<String> ip = IpLiteral.canonical(host);
        if (ip.isEmpty()) {
            return Hop.malformed(node);
        }
        int port = -1;
        if (portText != null) {
            port = port(portText, obfuscatedPort);
            if (port == -2) {
                return Hop.malformed(node);
            }
        }
        return new Hop(ip, port, "");
    }

    /** The port, -1 for an obfuscated one, -2 when it is neither. */
    private static int port(String text, boolean obfuscatedAllowed) {
        if (obfuscatedAllowed && OBFUSCATED.matcher(text).matches()) {
            return -1;
        }
        if (text.isEmpty() || text.length() > 5) {
            return -2;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -2;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 65535 ? value : -2;
    }
}
