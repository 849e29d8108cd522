package vn.schoolguard.internal.web;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * The one host name (and optionally port) on which the console answers ({@code console.host}), so that a
 * script running on the public site's origin cannot reach the console as same-origin.
 *
 * @param name lower-case host name, IPv4 address or bracketed IPv6 address, without a trailing dot
 * @param port the port, or -1 for any port
 */
// Security-critical: the console's origin separation.
public record ConsoleHost(String name, int port) {

    private static final Pattern VALUE = Pattern.compile(
            "((?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?");

    static Optional<ConsoleHost> read(ConfigReader reader, String key) {
        Optional<String> raw = reader.optional(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<ConsoleHost> host = parse(raw.get());
        if (host.isEmpty()) {
            reader.problem(key, raw.get(), "a host name such as quantri.truong.edu.vn, optionally with a port"
                    + " (quantri.truong.edu.vn:8443); no scheme, path or trailing dot");
        }
        return host;
    }

    static Optional<ConsoleHost> parse(String text) {
        Matcher m = VALUE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = -1;
        if (m.group(2) != null) {
            port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) {
                return Optional.empty();
            }
        }
        return Optional.of(new ConsoleHost(m.group(1), port));
    }

    /**
     * Whether a request for {@code serverName}:{@code serverPort} (as the container read them from the
     * {@code Host} header) is for this host. Host names compare without regard to case; a trailing dot, a
     * longer or shorter name and another port do not match.
     */
    boolean matches(String serverName, int serverPort) {
        if (serverName == null) {
            return false;
        }
        String requested = serverName.toLowerCase(Locale.ROOT);
        if (requested.indexOf(':') >= 0 && !requested.startsWith("[")) {
            requested = "[" + requested + "]"; // containers report IPv6 hosts with or without brackets
        }
        return requested.equals(name) && (port < 0 || port == serverPort);
    }

    @Override
    public String toString() {
        return port < 0 ? name : name + ":" + port;
    }
}
