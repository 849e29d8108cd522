package vn.schoolguard.moderation;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.Part;
import jakarta.servlet.http.PushBuilder;

/**
 * The poster's request rebuilt for replay inside a moderator's request. The application sees the original
 * method, path, query, headers, body, the poster's address and Accept-Language; it does not see the moderator's
 * session, cookies, credentials, connection, locale or request attributes (only the forward attributes, describing
 * the poster's request). Each method inherited from the moderator's request is decided here on purpose: the poster's
 * view, a neutral value, or a refusal; only the site's own address (scheme, host, port) is the container's.
 */
// Security-critical: nothing of the moderator's identity may reach the application.
final class ReplayRequest extends HttpServletRequestWrapper {

    /** Request attribute holding the id of the submission being replayed. */
    static final String SUBMISSION_ATTRIBUTE = "vn.schoolguard.replay.submission";

    /**
     * The attributes the Servlet specification defines for a forward, under the running API's names: the javax
     * build's copies of these constants are rewritten to {@code javax.servlet.forward.*} by the Eclipse Transformer
     * (DropInJarContentsIT checks it).
     */
    static final Set<String> FORWARD_ATTRIBUTES = Set.of(RequestDispatcher.FORWARD_REQUEST_URI,
            RequestDispatcher.FORWARD_CONTEXT_PATH, RequestDispatcher.FORWARD_SERVLET_PATH, RequestDispatcher.FORWARD_PATH_INFO,
            RequestDispatcher.FORWARD_QUERY_STRING, RequestDispatcher.FORWARD_MAPPING);

    /** Tomcat's {@code Globals.DISPATCHER_TYPE_ATTR}. */
    static final String TOMCAT_DISPATCHER_TYPE = "org.apache.catalina.core.DISPATCHER_TYPE";

    private final Submission submission;
    private final byte[] body;
    private final StoredBody stored;
    private final Map<String, List<String>> headers;
    private final String queryString;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private HttpSession session;
    private ReplayMapping mapping;
    private List<Locale> locales;

    /**
     * @param queryString     the query string re-encoded from the approved query-string fields, or null
     * @param queryParameters those approved query-string fields
     */
    ReplayRequest(HttpServletRequest moderatorRequest, Submission submission, byte[] body, String contentType,
                  String queryString, Map<String, List<String>> queryParameters) {
        super(ConnectionMask.over(moderatorRequest));
        this.submission = submission;
        this.body = body;
        this.queryString = queryString;
        Map<String, List<String>> params = new LinkedHashMap<>();
        queryParameters.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            submission.posted().fields().forEach((name, values) -> params.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        this.stored = new StoredBody(body, params);
        Map<String, List<String>> h = new LinkedHashMap<>(submission.posted().headers());
        h.remove("content-length");
        h.remove("transfer-encoding");
        h.remove("cookie");
        h.remove("authorization");
        if (contentType != null) {
            h.put("content-type", List.of(contentType));
        }
        h.put("content-length", List.of(String.valueOf(body.length)));
        this.headers = h;
        attributes.put(SUBMISSION_ATTRIBUTE, submission.id());
    }

    @Override
    public String getMethod() {
        return submission.posted().method();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + submission.posted().path();
    }

    @Override
    public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer();
        url.append(getScheme()).append("://").append(getServerName());
        int port = getServerPort();
        if (!(getScheme().equals("http") && port == 80) && !(getScheme().equals("https") && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(getRequestURI());
    }

    @Override
    public String getParameter(String name) {
        return stored.parameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return stored.parameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return stored.parameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
        return stored.parameterValues(name);
    }

    @Override
    public ServletInputStream getInputStream() {
        return stored.inputStream();
    }

    @Override
    public BufferedReader getReader() {
        return stored.reader();
    }

    @Override
    public String getCharacterEncoding() {
        return StandardCharsets.UTF_8.name();
    }

    @Override
    public void setCharacterEncoding(String encoding) {
        // The body was re-encoded in UTF-8; another encoding would garble it.
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }

    @Override
    public String getContentType() {
        return getHeader("content-type");
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return Collections.enumeration(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(new LinkedHashSet<>(headers.keySet()));
    }

    @Override
    public int getIntHeader(String name) {
        String value = getHeader(name);
        return value == null ? -1 : Integer.parseInt(value.trim());
    }

    @Override
    public long getDateHeader(String name) {
        // Replay keeps no date headers (If-Modified-Since and the like make no sense for a stored post).
        return -1;
    }

    @Override
    public String getRemoteAddr() {
        return submission.poster().clientIp();
    }

    @Override
    public String getRemoteHost() {
        return submission.poster().clientIp();
    }

    @Override
    public int getRemotePort() {
        return Math.max(0, submission.poster().clientPort());
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
    public String getRemoteUser() {
        return submission.poster().posterUser();
    }

    @Override
    public Principal getUserPrincipal() {
        String user = submission.poster().posterUser();
        return user == null ? null : () -> user;
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

    // Security-critical: the container's request attributes are the moderator's (Jetty keeps the parsed
    // console form with its _csrf field, the session cookie and the query there; Tomcat its own dispatch state).
    // The application sees only what it set itself, the submission id, and the forward attributes, answered
    // here from the poster's request. Tomcat's dispatch type is the one container attribute let through.
    @Override
    public Object getAttribute(String name) {
        if (name == null) {
            return null;
        }
        Object local = attributes.get(name);
        if (local != null) {
            return local;
        }
        if (FORWARD_ATTRIBUTES.contains(name)) {
            return forwardAttribute(name);
        }
        // Tomcat's ApplicationDispatcher reads its dispatch type through the outermost request and skips the
        // target when it is missing, then sets FORWARD on this wrapper itself (kept in the local map above).
        // The value is a DispatcherType: nothing of the moderator. Its companion DISPATCHER_REQUEST_PATH is
        // the moderator's approval path until Tomcat sets the poster's here, so it is never let through.
        return TOMCAT_DISPATCHER_TYPE.equals(name) ? super.getAttribute(name) : null;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new LinkedHashSet<>(attributes.keySet());
        names.addAll(FORWARD_ATTRIBUTES);
        return Collections.enumeration(names);
    }

    @Override
    public void setAttribute(String name, Object value) {
        if (value == null) {
            attributes.remove(name);
        } else {
            attributes.put(name, value);
        }
    }

    @Override
    public void removeAttribute(String name) {
        attributes.remove(name);
    }

    /** The forward attributes describe the poster's request: its path, mapping and query, never the approval URL. */
    private Object forwardAttribute(String name) {
        if (name.equals(RequestDispatcher.FORWARD_REQUEST_URI)) {
            return getRequestURI();
        }
        if (name.equals(RequestDispatcher.FORWARD_CONTEXT_PATH)) {
            return getContextPath();
        }
        if (name.equals(RequestDispatcher.FORWARD_SERVLET_PATH)) {
            return getServletPath();
        }
        if (name.equals(RequestDispatcher.FORWARD_PATH_INFO)) {
            return getPathInfo();
        }
        if (name.equals(RequestDispatcher.FORWARD_MAPPING)) {
            return getHttpServletMapping();
        }
        return getQueryString();
    }

    // The poster's path resolved against the application's mappings. It is also the forward's target, so these are
    // the values the container gives the target (Jetty answers the target's own; Tomcat calls this wrapper).
    @Override
    public String getServletPath() {
        return mapping().servletPath();
    }

    @Override
    public String getPathInfo() {
        return mapping().pathInfo();
    }

    @Override
    public String getPathTranslated() {
        String info = getPathInfo();
        return info == null ? null : getServletContext().getRealPath(info);
    }

    @Override
    public HttpServletMapping getHttpServletMapping() {
        return mapping().mapping();
    }

    private ReplayMapping mapping() {
        if (mapping == null) {
            mapping = ReplayMapping.of(getServletContext(), submission.posted().path());
        }
        return mapping;
    }

    /** The poster's Accept-Language as stored, else the server's default, as for a request without the header. */
    @Override
    public Locale getLocale() {
        return locales().get(0);
    }

    @Override
    public Enumeration<Locale> getLocales() {
        return Collections.enumeration(locales());
    }

    private List<Locale> locales() {
        if (locales == null) {
            locales = PosterLocales.of(submission.posted().headers().getOrDefault("accept-language", List.of()));
        }
        return locales;
    }

    // The site's own address as the container knows it (scheme, host, port, local interface): the poster sent the
    // post to this same site, and applications build their links from these. They name no one.
    // getScheme, isSecure, getServerName, getServerPort, getLocalAddr, getLocalName, getLocalPort: inherited on purpose.
    // getContextPath and getServletContext: the same application.

    /**
     * FORWARD, as the container dispatches it and chose the filters by it. Jetty answers this itself; Tomcat keeps
     * the type in an attribute it sets on the outermost request, this wrapper, so the moderator's request below
     * would still say REQUEST.
     */
    @Override
    public DispatcherType getDispatcherType() {
        return attributes.get(TOMCAT_DISPATCHER_TYPE) instanceof DispatcherType type ? type : super.getDispatcherType();
    }

    /** The replay's own identity; the container's would name the moderator's connection (address and port). */
    @Override
    public String getRequestId() {
        return "replay-" + submission.id();
    }

    @Override
    public String getProtocolRequestId() {
        return "";
    }

    // getServletConnection: answered by ConnectionMask under this wrapper (see the constructor), because
    // a method naming ServletConnection here would break reflection on this class in the javax build.

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
