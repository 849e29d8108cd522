package vn.schoolguard.internal.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.http.page.SecurityHeaderWriter;
import vn.schoolguard.internal.inject.SecurityHeaders;

/**
 * The security headers of everything under the console path, enforced and not configurable: the console
 * needs only its own script and style sheet, so its policy allows nothing else. They are written by the same
 * {@link SecurityHeaderWriter} as the site pages' headers, which are configurable and report-only by default because
 * they must fit the host application; the console's policy must not depend on that.
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

    private static final Map<Kind, SecurityHeaders> HEADERS = new EnumMap<>(Map.of(
            Kind.PAGE, headers(PAGE_POLICY, "same-origin"),
            Kind.API, headers(API_POLICY, "no-referrer"),
            Kind.RECEIPT, headers(RECEIPT_POLICY, "no-referrer")));

    private ConsoleHeaders() {
    }

    /** Sets the headers; {@code hsts} when the console requires HTTPS and this request came over it. */
    static void apply(HttpServletResponse response, Kind kind, boolean hsts) {
        SecurityHeaderWriter.write(HEADERS.get(kind), response, hsts);
    }

    /** The headers of one kind of answer, in the order they are set. */
    static SecurityHeaders headers(Kind kind) {
        return HEADERS.get(kind);
    }

    private static SecurityHeaders headers(String policy, String referrerPolicy) {
        // With no-referrer, browsers send "Origin: null" on the console's own form posts, which the origin
        // check must refuse; same-origin keeps console URLs from other sites just the same.
        return SecurityHeaders.builder()
                .header("Content-Security-Policy", policy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", referrerPolicy)
                .header("Cache-Control", "no-store")
                .httpsOnly("Strict-Transport-Security", HSTS)
                .build();
    }
}
