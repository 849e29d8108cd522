package vn.schoolguard.internal.http;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.moderation.PosterLocales;
import vn.schoolguard.internal.moderation.Poster;
import vn.schoolguard.internal.moderation.Submission;

/**
 * The poster's request rebuilt for replay inside a moderator's request. The application sees the original
 * method, path, query, headers, body, the poster's address and Accept-Language; it does not see the moderator's
 * session, cookies, credentials, connection, locale or request attributes (only the forward attributes, describing
 * the poster's request). Each method inherited from the moderator's request is decided here on purpose: the poster's
 * view, a neutral value, or a refusal ({@link DetachedRequest}); only the site's own address (scheme, host, port) is
 * the container's.
 */
// Security-critical: nothing of the moderator's identity may reach the application.
final class ReplayRequest extends DetachedRequest {

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
    private final Map<String, List<String>> headers;
    private final String queryString;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private ReplayMapping mapping;
    private List<Locale> locales;

    /** @param body the request rebuilt from the submission's approved values */
    ReplayRequest(HttpServletRequest moderatorRequest, Submission submission, ReplayBody body) {
        super(ConnectionMask.over(moderatorRequest), new StoredBody(body.body(), parameters(submission, body)));
        this.submission = submission;
        this.body = body.body();
        this.queryString = body.queryString();
        String contentType = body.contentType();
        Map<String, List<String>> h = new LinkedHashMap<>(submission.posted().headers());
        h.remove("content-length");
        h.remove("transfer-encoding");
        h.remove("cookie");
        h.remove("authorization");
        if (contentType != null) {
            h.put("content-type", List.of(contentType));
        }
        h.put("content-length", List.of(String.valueOf(this.body.length)));
        this.headers = h;
        attributes.put(SUBMISSION_ATTRIBUTE, submission.id());
    }

    /** As a container merges them: the approved query-string fields first, then a form body's fields. */
    private static Map<String, List<String>> parameters(Submission submission, ReplayBody body) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        body.queryParameters().forEach((name, values) -> params.put(name, new ArrayList<>(values)));
        String contentType = body.contentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            submission.posted().fields().forEach((name, values) -> params.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        return params;
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
    Poster poster() {
        return submission.poster();
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

    // getServletConnection: answered by ConnectionMask under this wrapper (see the constructor), because
    // a method naming ServletConnection here would break reflection on this class in the javax build.

}
