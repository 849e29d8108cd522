package vn.schoolguard.internal.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the origin of an {@code Origin} or {@code Referer} header as {@code scheme://host:port} (port always
 * given), for comparing whole origins. Anything that is not a plain http(s) origin — {@code null}, userinfo,
 * a path in {@code Origin}, a bad port — reads as empty, which the caller treats as foreign.
 */
// Security-critical: CSRF defence compares these strings.
final class SameOrigin {

    // Browsers write Origin as scheme://host[:port], nothing more.
    private static final Pattern ORIGIN = Pattern.compile("(https?)://([a-z0-9.-]+|\\[[0-9a-f:.]+\\])(?::(\\d{1,5}))?");

    private SameOrigin() {
    }

    /** The origin in an {@code Origin} header value; host names compare without regard to case. */
    static Optional<String> ofOrigin(String header) {
        Matcher m = ORIGIN.matcher(header.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        return origin(m.group(1), m.group(2), m.group(3) == null ? -1 : Integer.parseInt(m.group(3)));
    }

    /** The origin of a {@code Referer} URL; a URL with userinfo reads as empty. */
    static Optional<String> ofReferer(String header) {
        try {
            URI uri = new URI(header.trim());
            if (uri.getScheme() == null || uri.getRawUserInfo() != null || uri.getHost() == null) {
                return Optional.empty();
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            return origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), uri.getPort());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> origin(String scheme, String host, int port) {
        if (port == 0 || port > 65535 || host.isEmpty()) {
            return Optional.empty();
        }
        int effective = port > 0 ? port : scheme.equals("https") ? 443 : 80;
        return Optional.of(scheme + "://" + host + ":" + effective);
    }
}
