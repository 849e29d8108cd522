package vn.schoolguard.internal.web;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.net.IpLiteral;
import vn.schoolguard.internal.net.ProxySettings;

/**
 * How a console request reached the server: over HTTPS or not, and under which origin (scheme, host, port)
 * the browser sent it. A {@code X-Forwarded-Proto} or {@code Forwarded: proto=} header counts only when the
 * socket peer is a trusted proxy ({@code proxies.trusted}); from anyone else it is ignored.
 */
// Security-critical: the origin that CSRF checks compare against, and the HTTPS requirement.
final class ConsoleTransport {

    private static final Pattern FORWARDED_PROTO = Pattern.compile("(?i)(?:^|;)\\s*proto\\s*=\\s*\"?([a-z]+)\"?");
    private static final Pattern HOST_PORT = Pattern.compile(".*:(\\d{1,5})");

    private final ProxySettings proxies;

    ConsoleTransport(ProxySettings proxies) {
        this.proxies = proxies;
    }

    /** Whether the request came over HTTPS: to the container itself, or to a trusted proxy that says so. */
    boolean isHttps(HttpServletRequest request) {
        if (request.isSecure()) {
            return true;
        }
        String peer = IpLiteral.canonical(request.getRemoteAddr()).orElse(request.getRemoteAddr());
        if (!proxies.isTrusted(peer)) {
            return false;
        }
        // Every hop that reported a scheme must say https: a client's own "https" followed by a
        // proxy's "http" is a plain request.
        Optional<Boolean> forwarded = allHttps(request.getHeaders("Forwarded"), true);
        return forwarded.orElseGet(() -> allHttps(request.getHeaders("X-Forwarded-Proto"), false).orElse(false));
    }

    /** The request's own origin as a browser would write it, with the port always given: {@code https://host:443}. */
    String origin(HttpServletRequest request) {
        boolean https = isHttps(request);
        String scheme = https ? "https" : "http";
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = explicitPort(request.getHeader("Host"));
        if (port < 0) {
            // Behind a TLS proxy the container's own port is not the one the browser used.
            port = request.getHeader("Host") != null || https != request.isSecure() ? (https ? 443 : 80) : request.getServerPort();
        }
        return scheme + "://" + host + ":" + port;
    }

    private static Optional<Boolean> allHttps(Enumeration<String> headers, boolean forwardedSyntax) {
        if (headers == null || !headers.hasMoreElements()) {
            return Optional.empty();
        }
        boolean any = false;
        while (headers.hasMoreElements()) {
            for (String element : headers.nextElement().split(",")) {
                String proto = element.trim();
                if (forwardedSyntax) {
                    Matcher m = FORWARDED_PROTO.matcher(proto);
                    if (!m.find()) {
                        continue;
                    }
                    proto = m.group(1);
                }
                if (proto.isEmpty()) {
                    continue;
                }
                if (!proto.equalsIgnoreCase("https")) {
                    return Optional.of(false);
                }
                any = true;
            }
        }
        return any ? Optional.of(true) : Optional.empty();
    }

    private static int explicitPort(String hostHeader) {
        if (hostHeader == null) {
            return -1;
        }
        String value = hostHeader.trim();
        if (value.startsWith("[") && value.indexOf(']') > 0) {
            value = value.substring(value.indexOf(']'));
        }
        Matcher m = HOST_PORT.matcher(value);
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
