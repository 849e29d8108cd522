package vn.schoolguard.internal.inject;

import java.util.ArrayList;
import java.util.List;

/**
 * A set of security headers as a value, without the servlet API: names and values in the order they are set, some
 * only for requests that came over HTTPS ({@code Strict-Transport-Security}). {@code vn.schoolguard.http.page}
 * writes them; the site's pages and the console use the same writer with their own policy.
 *
 * <p>{@link #of(InjectSettings)} gives the site pages' headers, unless switched off in the settings:
 * {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy}, {@code X-Frame-Options},
 * {@code Permissions-Policy}, {@code Strict-Transport-Security} (HTTPS only) and a {@code Content-Security-Policy}
 * (report-only by default) that allows the EMC tracker host and the inline tracker by its hash. The console builds
 * its stricter set with {@link #builder()}. Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * SecurityHeaders pages = SecurityHeaders.of(config.inject());
 * SecurityHeaders api = SecurityHeaders.builder().header("Content-Security-Policy", "default-src 'none'")
 *         .header("X-Content-Type-Options", "nosniff").httpsOnly("Strict-Transport-Security", "max-age=31536000").build();
 * }</pre>
 */
public final class SecurityHeaders {

    /**
     * One header.
     *
     * @param httpsOnly set only when the request came over HTTPS
     */
    public record Header(String name, String value, boolean httpsOnly) {
    }

    private final List<Header> headers;
    private final String contentSecurityPolicy;

    private SecurityHeaders(List<Header> headers, String contentSecurityPolicy) {
        this.headers = List.copyOf(headers);
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    /** The headers described by the settings, for the site's pages. */
    public static SecurityHeaders of(InjectSettings settings) {
        return of(settings, new Snippets(settings));
    }

    static SecurityHeaders of(InjectSettings settings, Snippets snippets) {
        InjectSettings.Headers wanted = settings.headers();
        InjectSettings.Csp csp = settings.csp();
        String origin = settings.trackerOrigin();
        String policy = csp.policy().map(p -> p.replace("{emc}", origin)).orElseGet(() ->
                "default-src 'self'; script-src 'self' " + (snippets.trackerHash().isEmpty() ? "" : snippets.trackerHash() + " ")
                        + origin + "; connect-src 'self' " + origin + "; img-src 'self' data: https:; "
                        + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'"
                        + frameAncestors(wanted));
        String cspValue = policy + csp.reportUri().map(uri -> "; report-uri " + uri).orElse("");
        Builder builder = builder();
        if (!wanted.enabled()) {
            return new SecurityHeaders(List.of(), cspValue);
        }
        if (wanted.contentTypeOptions()) {
            builder.header("X-Content-Type-Options", "nosniff");
        }
        wanted.referrerPolicy().ifPresent(v -> builder.header("Referrer-Policy", v));
        wanted.frameOptions().ifPresent(v -> builder.header("X-Frame-Options", v));
        wanted.permissionsPolicy().ifPresent(v -> builder.header("Permissions-Policy", v));
        long maxAge = wanted.hstsMaxAge().getSeconds();
        if (maxAge > 0) {
            builder.httpsOnly("Strict-Transport-Security",
                    "max-age=" + maxAge + (wanted.hstsSubdomains() ? "; includeSubDomains" : ""));
        }
        switch (csp.mode()) {
            case "enforce" -> builder.header("Content-Security-Policy", cspValue);
            case "off" -> { }
            default -> builder.header("Content-Security-Policy-Report-Only", cspValue);
        }
        return new SecurityHeaders(builder.headers, cspValue);
    }

    /** A builder for a set of headers of one's own, such as the console's. */
    public static Builder builder() {
        return new Builder();
    }

    /** The headers in the order they are set. */
    public List<Header> headers() {
        return headers;
    }

    /**
     * The Content-Security-Policy value of the site's pages (sent in report-only or enforcing form, or not at all
     * when {@code csp.mode=off}), for documentation and checks; for a built set, its Content-Security-Policy.
     */
    public String contentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    private static String frameAncestors(InjectSettings.Headers headers) {
        return headers.frameOptions().map(v -> v.equals("DENY") ? "; frame-ancestors 'none'" : "; frame-ancestors 'self'")
                .orElse("");
    }

    /** Collects headers in order. Not thread-safe. */
    public static final class Builder {

        private final List<Header> headers = new ArrayList<>();

        private Builder() {
        }

        /** A header every response gets. */
        public Builder header(String name, String value) {
            headers.add(new Header(name, value, false));
            return this;
        }

        /** A header only responses to HTTPS requests get. */
        public Builder httpsOnly(String name, String value) {
            headers.add(new Header(name, value, true));
            return this;
        }

        public SecurityHeaders build() {
            String csp = headers.stream().filter(h -> h.name().equalsIgnoreCase("Content-Security-Policy"))
                    .map(Header::value).findFirst().orElse("");
            return new SecurityHeaders(headers, csp);
        }
    }
}
