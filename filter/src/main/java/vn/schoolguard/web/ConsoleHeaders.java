package vn.schoolguard.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of everything under the console path, enforced and not configurable: the console
 * needs only its own script and style sheet, so its policy allows nothing else. (The site pages' headers,
 * {@code vn.schoolguard.inject.SecurityHeaders}, are configurable and report-only by default because they
 * must fit the host application; the console's must not depend on that.)
 */
// Security-critical: defence in depth against script injected into console pages.
final class ConsoleHeaders {

    /** What an answer is, for its policy. */
    enum Kind { PAGE, API, RECEIPT }

    static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String API_POLICY = "default-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    // The poster's receipt page carries its few styles inline and has no script.
    static final String RECEIPT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self';"
            + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String HSTS = "max-age=31536000";

    private ConsoleHeaders() {
    }

    /** Sets the headers; {@code hsts} when the console requires HTTPS and this request came over it. */
    static void apply(HttpServletResponse response, Kind kind, boolean hsts) {
        response.setHeader("Content-Security-Policy", switch (kind) {
            case PAGE -> PAGE_POLICY;
            case API -> API_POLICY;
            case RECEIPT -> RECEIPT_POLICY;
        });
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        // With no-referrer, browsers send "Origin: null" on the console's own form posts, which the origin
        // check must refuse; same-origin keeps console URLs from other sites just the same.
        response.setHeader("Referrer-Policy", kind == Kind.PAGE ? "same-origin" : "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        if (hsts) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
