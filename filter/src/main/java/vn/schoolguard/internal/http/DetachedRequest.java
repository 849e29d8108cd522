package vn.schoolguard.internal.http;

import java.util.Collection;
import java.util.Map;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import jakarta.servlet.http.PushBuilder;

/**
 * A request served inside another one (the moderator's) that answers, for everything tied to that request's
 * connection, login and session, a neutral value or a refusal: no cookies, no roles, a throwaway session, no
 * multipart parts, no authentication, upgrade, push or asynchronous processing.
 */
// Security-critical: each of these would otherwise act on, or tell of, the moderator's request.
abstract class DetachedRequest extends StoredBodyRequest {

    private HttpSession session;

    DetachedRequest(HttpServletRequest request, StoredBody stored) {
        super(request, stored);
    }

    @Override
    public Cookie[] getCookies() {
        return null;
    }

    @Override
    public HttpSession getSession(boolean create) {
        if (session == null && create) {
            session = new ReplaySession(getServletContext());
        }
        return session;
    }

    @Override
    public HttpSession getSession() {
        return getSession(true);
    }

    @Override
    public String getRequestedSessionId() {
        return null;
    }

    @Override
    public boolean isRequestedSessionIdValid() {
        return false;
    }

    @Override
    public String changeSessionId() {
        return getSession(true).getId();
    }

    @Override
    public boolean isUserInRole(String role) {
        // The poster's roles were not kept; granting none is the safe answer.
        return false;
    }

    @Override
    public String getAuthType() {
        return null;
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    /** A stored post is replayed as one HTTP/1.1 request with a length, whatever the moderator's browser speaks. */
    @Override
    public String getProtocol() {
        return "HTTP/1.1";
    }

    @Override
    public Map<String, String> getTrailerFields() {
        return Map.of();
    }

    @Override
    public boolean isTrailerFieldsReady() {
        return true;
    }

    /** The replayed body is a form or JSON, never multipart; the moderator's parts are not the poster's. */
    @Override
    public Collection<Part> getParts() throws ServletException {
        throw new ServletException("a replayed request is not multipart/form-data");
    }

    @Override
    public Part getPart(String name) throws ServletException {
        throw new ServletException("a replayed request is not multipart/form-data");
    }

    // Security-critical: these would act on the moderator's request (log the moderator in or out, answer a challenge).
    @Override
    public boolean authenticate(HttpServletResponse response) throws ServletException {
        throw new ServletException("a replayed request cannot authenticate; the poster is not here");
    }

    @Override
    public void login(String username, String password) throws ServletException {
        throw new ServletException("a replayed request cannot log in; the poster is not here");
    }

    @Override
    public void logout() {
        // The replayed request has no login to end; the moderator's must stay as it is.
    }

    @Override
    public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws ServletException {
        throw new ServletException("a replayed request has no connection to upgrade");
    }

    @Override
    public boolean isRequestedSessionIdFromCookie() {
        return false;
    }

    @Override
    public boolean isRequestedSessionIdFromURL() {
        return false;
    }

    /** Servlet 4 spelling, still called on the javax build (Tomcat 9); no {@code @Override}: gone from Servlet 6. */
    public boolean isRequestedSessionIdFromUrl() {
        return false;
    }

    /** A push would carry the moderator's headers and session cookie. */
    @Override
    @SuppressWarnings("deprecation")
    public PushBuilder newPushBuilder() {
        return null;
    }

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    @Override
    public boolean isAsyncStarted() {
        return false;
    }

    @Override
    public AsyncContext startAsync() {
        throw new IllegalStateException("a replayed request cannot be asynchronous");
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        throw new IllegalStateException("a replayed request cannot be asynchronous");
    }

    @Override
    public AsyncContext getAsyncContext() {
        throw new IllegalStateException("a replayed request is not asynchronous");
    }
}
