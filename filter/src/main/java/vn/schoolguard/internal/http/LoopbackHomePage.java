package vn.schoolguard.internal.http;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.alert.HomePages;
import vn.schoolguard.internal.moderation.ReplayAnswer;

/**
 * The site's home page fetched over HTTP the way a visitor gets it, through the application and SchoolGuard's own
 * decoration, with the site's {@code Host} (the loopback client, since {@code java.net.http} cannot set one).
 * Follows up to {@value #MAX_REDIRECTS} redirects on the same host and port; keeps the first 4 MB of the page.
 */
public final class LoopbackHomePage implements HomePages {

    static final int MAX_REDIRECTS = 3;
    static final int MAX_PAGE_BYTES = 4 * 1024 * 1024;

    private final URI url;
    private final String host;
    private final Duration timeout;

    /**
     * @param url  the page, such as {@code http://127.0.0.1:8080/school/}
     * @param host the {@code Host} header to send; empty for the URL's own authority
     */
    public LoopbackHomePage(URI url, Optional<String> host, Duration timeout) {
        this.url = url;
        this.host = host.orElse(url.getRawAuthority());
        this.timeout = timeout;
    }

    @Override
    public URI url() {
        return url;
    }

    @Override
    public Fetched fetch() throws IOException {
        URI at = url;
        for (int hop = 0; ; hop++) {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Accept", List.of("text/html"));
            headers.put("User-Agent", List.of("SchoolGuard-selfcheck/1"));
            String target = (at.getRawPath() == null || at.getRawPath().isEmpty() ? "/" : at.getRawPath())
                    + (at.getRawQuery() == null ? "" : "?" + at.getRawQuery());
            ReplayAnswer answer = LoopbackHttp.send(at, new LoopbackHttp.Request(host, "GET", target, headers, new byte[0]),
                    timeout, MAX_PAGE_BYTES);
            URI next = answer.status() / 100 == 3 && answer.location() != null ? sameSite(at, answer.location()) : null;
            if (next == null || hop >= MAX_REDIRECTS) {
                return new Fetched(at, answer.status(), answer.body(),
                        answer.headers().getOrDefault("content-security-policy", List.of()));
            }
            at = next;
        }
    }

    /** A redirect target on the same server (a relative one, or one naming the site's own host), else null. */
    private URI sameSite(URI from, String location) {
        try {
            URI target = from.resolve(location.trim());
            String authority = target.getRawAuthority() == null ? "" : target.getRawAuthority().toLowerCase(Locale.ROOT);
            if (authority.equals(host.toLowerCase(Locale.ROOT))) {
                // The application names its public host: the same server, reached at the configured address.
                return URI.create(from.getScheme() + "://" + from.getRawAuthority()
                        + (target.getRawPath() == null ? "/" : target.getRawPath())
                        + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery()));
            }
            return authority.equals(from.getRawAuthority().toLowerCase(Locale.ROOT)) ? target : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
