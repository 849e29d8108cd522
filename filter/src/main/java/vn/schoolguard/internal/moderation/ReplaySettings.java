package vn.schoolguard.internal.moderation;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;
import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.IpLiteral;

/**
 * How approved submissions are replayed to the application.
 *
 * @param mode              {@link Mode#LOOPBACK} (a fresh request over HTTP, the default) or {@link Mode#FORWARD}
 * @param baseUrl           where loopback replays are sent ({@code scheme://host:port/context}, no trailing
 *                          slash), or null for the default: {@code http://127.0.0.1:<local port of the approving
 *                          request><context path>}
 * @param acceptFrom        socket peers a replay request is accepted from
 * @param timeout           how long one loopback replay may take (connecting, sending and answering)
 * @param tokenLifetime     how long a replay token is valid after it is issued
 * @param sessionAttributes per route name: the poster's session attributes kept at hold time and set again on replay
 */
public record ReplaySettings(Mode mode, URI baseUrl, List<Cidr> acceptFrom, Duration timeout, Duration tokenLifetime,
                             Map<String, List<String>> sessionAttributes) {

    /** How a replay reaches the application. */
    public enum Mode {
        /** A fresh REQUEST dispatch over a loopback HTTP connection: every filter of the application runs. */
        LOOPBACK,
        /** {@code RequestDispatcher.forward} inside the approving request: filters mapped to REQUEST only are skipped. */
        FORWARD
    }

    private static final List<String> LOOPBACK_BLOCKS = List.of("127.0.0.0/8", "::1/128");
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[A-Za-z0-9_.$:\\-]{1,200}");

    public ReplaySettings {
        acceptFrom = List.copyOf(acceptFrom);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        sessionAttributes.forEach((route, names) -> copy.put(route, List.copyOf(names)));
        sessionAttributes = Map.copyOf(copy);
    }

    /** The defaults: loopback to 127.0.0.1, accepted from loopback addresses only. */
    public static ReplaySettings defaults() {
        return new ReplaySettings(Mode.LOOPBACK, null, LOOPBACK_BLOCKS.stream().map(b -> Cidr.parse(b).orElseThrow()).toList(),
                Duration.ofSeconds(30), Duration.ofSeconds(60), Map.of());
    }

    /** Reads {@code replay.*} and {@code route.<name>.session-attributes} for the given route names. */
    public static ReplaySettings read(ConfigReader reader, Set<String> routeNames) {
        Mode mode = Mode.valueOf(reader.choice("replay.mode", "loopback", "loopback", "forward").toUpperCase(Locale.ROOT));
        URI baseUrl = baseUrl(reader);
        List<Cidr> acceptFrom = new ArrayList<>();
        for (String item : reader.list("replay.accept-from", LOOPBACK_BLOCKS)) {
            Optional<Cidr> cidr = Cidr.parse(item);
            if (cidr.isPresent()) {
                acceptFrom.add(cidr.get());
            } else {
                reader.problem("replay.accept-from", item,
                        "IP addresses or CIDR blocks such as 127.0.0.0/8, ::1 or 10.0.0.5, separated by commas");
            }
        }
        if (baseUrl != null) {
            String host = hostOf(baseUrl);
            if (IpLiteral.parse(host).isPresent() && acceptFrom.stream().noneMatch(c -> c.contains(host))) {
                reader.problem("replay.base-url", baseUrl.toString(), "an address that replay.accept-from accepts ("
                        + acceptFrom + "), or add " + host + " to replay.accept-from: otherwise every replay is refused");
            }
        }
        Duration timeout = reader.duration("replay.timeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Duration lifetime = reader.duration("replay.token-lifetime", Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofMinutes(10));
        if (lifetime.compareTo(timeout) < 0) {
            reader.problem("replay.token-lifetime", reader.raw("replay.token-lifetime"),
                    "at least replay.timeout (" + timeout.toSeconds() + "s), so that a slow replay is not refused as expired");
        }
        Map<String, List<String>> session = new LinkedHashMap<>();
        for (String route : routeNames) {
            String key = "route." + route + ".session-attributes";
            List<String> names = new ArrayList<>();
            for (String name : reader.list(key, List.of())) {
                if (ATTRIBUTE_NAME.matcher(name).matches()) {
                    names.add(name);
                } else {
                    reader.problem(key, name, "session attribute names (letters, digits, . _ $ : -), separated by commas");
                }
            }
            if (!names.isEmpty()) {
                session.put(route, names);
            }
        }
        return new ReplaySettings(mode, baseUrl, acceptFrom, timeout, lifetime, session);
    }

    /** The session attributes kept for a route; empty when none. */
    public List<String> sessionAttributes(String route) {
        return sessionAttributes.getOrDefault(route, List.of());
    }

    /** Whether a replay request from this socket peer is accepted. */
    public boolean accepts(String peerAddress) {
        Optional<byte[]> bytes = IpLiteral.parse(peerAddress);
        return bytes.isPresent() && acceptFrom.stream().anyMatch(c -> c.contains(bytes.get()));
    }

    private static URI baseUrl(ConfigReader reader) {
        Optional<String> raw = reader.optional("replay.base-url");
        if (raw.isEmpty()) {
            return null;
        }
        String expected = "an http:// or https:// URL of this application: scheme, host, port and context path only,"
                + " such as http://127.0.0.1:8080/truong (no query, fragment or user name)";
        String text = raw.get().endsWith("/") ? raw.get().substring(0, raw.get().length() - 1) : raw.get();
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean ok = (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().startsWith("/"));
            if (ok) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Reported below with what is expected.
        }
        reader.problem("replay.base-url", raw.get(), expected);
        return null;
    }

    static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
