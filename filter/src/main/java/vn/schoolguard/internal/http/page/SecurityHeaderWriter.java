package vn.schoolguard.internal.http.page;

import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.inject.SecurityHeaders;

/**
 * Sets a set of {@link SecurityHeaders} on a response: the one writer for the site's pages and the console, each
 * with its own policy. Headers are set before the application runs, so that the application can still replace any
 * of them.
 */
public final class SecurityHeaderWriter {

    private SecurityHeaderWriter() {
    }

    /**
     * Sets the headers on a response that is not committed yet; does nothing once it is.
     *
     * @param https whether the request came over HTTPS, for the headers only such requests get
     */
    public static void write(SecurityHeaders headers, HttpServletResponse response, boolean https) {
        if (response.isCommitted()) {
            return;
        }
        for (SecurityHeaders.Header header : headers.headers()) {
            if (https || !header.httpsOnly()) {
                response.setHeader(header.name(), header.value());
            }
        }
    }
}
