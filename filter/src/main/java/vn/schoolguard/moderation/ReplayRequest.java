package vn.schoolguard.moderation;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
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

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpSession;

/**
 * The poster's request rebuilt for replay inside a moderator's request. The application sees the original
 * method, path, query, headers, body and the poster's address; it does not see the moderator's session,
 * cookies, credentials or request attributes. Each inherited piece is decided here on purpose.
 */
// Security-critical: nothing of the moderator's identity may reach the application.
final class ReplayRequest extends HttpServletRequestWrapper {

    /** Request attribute holding the id of the submission being replayed. */
    static final String SUBMISSION_ATTRIBUTE = "vn.schoolguard.replay.submission";

    private static final Set<String> CONTAINER_ATTRIBUTE_PREFIXES = Set.of("jakarta.", "javax.", "org.eclipse.jetty.", "org.apache.");

    private final Submission submission;
    private final byte[] body;
    private final Map<String, List<String>> parameters;
    private final Map<String, List<String>> headers;
    private final String queryString;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private HttpSession session;
    private ServletInputStream stream;
    private BufferedReader reader;

    /**
     * @param queryString     the query string re-encoded from the approved query-string fields, or null
     * @param queryParameters those approved query-string fields
     */
    ReplayRequest(HttpServletRequest moderatorRequest, Submission submission, byte[] body, String contentType,
                  String queryString, Map<String, List<String>> queryParameters) {
        super(moderatorRequest);
        this.submission = submission;
        this.body = body;
        this.queryString = queryString;
        Map<String, List<String>> params = new LinkedHashMap<>();
        queryParameters.forEach((name, values) -> params.put(name, new ArrayList<>(values)));
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            submission.fields().forEach((name, values) -> params.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        this.parameters = FormFields.copy(params);
        Map<String, List<String>> h = new LinkedHashMap<>(submission.headers());
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
        return submission.method();
    }

    @Override
    public String getQueryString() {
        return queryString;
    }

    @Override
    public String getRequestURI() {
        return getContextPath() + submission.path();
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
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(new String[0])));
        return Collections.unmodifiableMap(map);
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(new String[0]);
    }

    @Override
    public ServletInputStream getInputStream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            stream = new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("a replayed request cannot be read asynchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() was already called");
        }
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
        return reader;
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
        return submission.clientIp();
    }

    @Override
    public String getRemoteHost() {
        return submission.clientIp();
    }

    @Override
    public int getRemotePort() {
        return Math.max(0, submission.clientPort());
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
        return submission.posterUser();
    }

    @Override
    public Principal getUserPrincipal() {
        String user = submission.posterUser();
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

    @Override
    public Object getAttribute(String name) {
        Object local = attributes.get(name);
        if (local != null) {
            return local;
        }
        return isContainerAttribute(name) ? super.getAttribute(name) : null;
    }

    @Override
    public Enumeration<String> getAttributeNames() {
        Set<String> names = new LinkedHashSet<>(attributes.keySet());
        Collections.list(super.getAttributeNames()).stream().filter(ReplayRequest::isContainerAttribute).forEach(names::add);
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

    @Override
    public boolean isAsyncSupported() {
        return false;
    }

    private static boolean isContainerAttribute(String name) {
        return CONTAINER_ATTRIBUTE_PREFIXES.stream().anyMatch(name::startsWith);
    }
}
