package vn.schoolguard.inject;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers SchoolGuard puts on responses, for any page of the host site or of the console.
 *
 * <p>{@link #apply} sets, unless switched off in the settings: {@code X-Content-Type-Options: nosniff},
 * {@code Referrer-Policy}, {@code X-Frame-Options}, {@code Permissions-Policy},
 * {@code Strict-Transport-Security} (only when the request came over HTTPS, as the container sees it) and a
 * {@code Content-Security-Policy} (report-only by default) that allows the EMC tracker host and the inline
 * tracker by its hash. Headers are set before the application runs, so that the application can still
 * replace any of them. Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * SecurityHeaders headers = SecurityHeaders.of(config.inject());
 * headers.apply(request, response);   // at the start of the console's own request handling
 * }</pre>
 */
public final class SecurityHeaders {

    private final InjectSettings.Headers settings;
    private final String cspHeader;
    private final String cspValue;
    private final String hstsValue;

    private SecurityHeaders(InjectSettings settings, Snippets snippets) {
        this.settings = settings.headers();
        InjectSettings.Csp csp = settings.csp();
        this.cspHeader = switch (csp.mode()) {
            case "enforce" -> "Content-Security-Policy";
            case "off" -> null;
            default -> "Content-Security-Policy-Report-Only";
        };
        String origin = settings.trackerOrigin();
        String policy = csp.policy().map(p -> p.replace("{emc}", origin)).orElseGet(() ->
                "default-src 'self'; script-src 'self' " + (snippets.trackerHash().isEmpty() ? "" : snippets.trackerHash() + " ")
                        + origin + "; connect-src 'self' " + origin + "; img-src 'self' data: https:; "
                        + "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'self'"
                        + frameAncestors(settings.headers()));
        this.cspValue = policy + csp.reportUri().map(uri -> "; report-uri " + uri).orElse("");
        long maxAge = settings.headers().hstsMaxAge().getSeconds();
        this.hstsValue = maxAge <= 0 ? null
                : "max-age=" + maxAge + (settings.headers().hstsSubdomains() ? "; includeSubDomains" : "");
    }

    /** The headers described by the settings. */
    public static SecurityHeaders of(InjectSettings settings) {
        return new SecurityHeaders(settings, new Snippets(settings));
    }

    static SecurityHeaders of(InjectSettings settings, Snippets snippets) {
        return new SecurityHeaders(settings, snippets);
    }

    /** Sets the headers on a response that is not committed yet; does nothing once it is. */
    public void apply(HttpServletRequest request, HttpServletResponse response) {
        if (!settings.enabled() || response.isCommitted()) {
            return;
        }
        if (settings.contentTypeOptions()) {
            response.setHeader("X-Content-Type-Options", "nosniff");
        }
        settings.referrerPolicy().ifPresent(v -> response.setHeader("Referrer-Policy", v));
        settings.frameOptions().ifPresent(v -> response.setHeader("X-Frame-Options", v));
        settings.permissionsPolicy().ifPresent(v -> response.setHeader("Permissions-Policy", v));
        if (hstsValue != null && request.isSecure()) {
            response.setHeader("Strict-Transport-Security", hstsValue);
        }
        if (cspHeader != null) {
            response.setHeader(cspHeader, cspValue);
        }
    }

    /** The Content-Security-Policy value sent (in report-only or enforcing form), for documentation and checks. */
    public String contentSecurityPolicy() {
        return cspValue;
    }

    private static String frameAncestors(InjectSettings.Headers headers) {
        return headers.frameOptions().map(v -> v.equals("DENY") ? "; frame-ancestors 'none'" : "; frame-ancestors 'self'")
                .orElse("");
    }
}
