package vn.schoolguard.testing;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * Everything an application can see of a request, one {@code kind name=value} per line: what a probe route
 * stores on replay, so a test can prove that nothing of the moderator's request reached the application.
 */
public final class ProbeDump {

    private ProbeDump() {
    }

    public static String of(HttpServletRequest request) {
        StringBuilder out = new StringBuilder();
        line(out, "method", "", request.getMethod());
        line(out, "dispatcher", "", request.getDispatcherType());
        line(out, "uri", "", request.getRequestURI());
        line(out, "url", "", request.getRequestURL());
        line(out, "servletPath", "", request.getServletPath());
        line(out, "pathInfo", "", request.getPathInfo());
        line(out, "pathTranslated", "", request.getPathTranslated());
        line(out, "query", "", request.getQueryString());
        HttpServletMapping mapping = request.getHttpServletMapping();
        line(out, "mapping", "", mapping == null ? null : mapping.getPattern() + "|" + mapping.getMatchValue() + "|"
                + mapping.getMappingMatch() + "|" + mapping.getServletName());
        for (String name : Collections.list(request.getAttributeNames())) {
            line(out, "attr", name, describe(request.getAttribute(name)));
        }
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                line(out, "header", name, value);
            }
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                line(out, "cookie", cookie.getName(), cookie.getValue());
            }
        }
        request.getParameterMap().forEach((name, values) -> {
            for (String value : values) {
                line(out, "param", name, value);
            }
        });
        line(out, "locale", "", request.getLocale().toLanguageTag());
        for (Locale locale : Collections.list(request.getLocales())) {
            line(out, "locales", "", locale.toLanguageTag());
        }
        line(out, "remoteUser", "", request.getRemoteUser());
        line(out, "principal", "", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        line(out, "authType", "", request.getAuthType());
        for (String role : new String[] {"admin", "moderator", "investigator", "*", "**"}) {
            line(out, "role", role, request.isUserInRole(role));
        }
        line(out, "requestedSession", "", request.getRequestedSessionId() + " cookie=" + request.isRequestedSessionIdFromCookie()
                + " url=" + request.isRequestedSessionIdFromURL() + " valid=" + request.isRequestedSessionIdValid());
        HttpSession session = request.getSession(false);
        line(out, "session", "", session == null ? null : session.getId());
        if (session != null) {
            for (String name : Collections.list(session.getAttributeNames())) {
                line(out, "sessionAttr", name, describe(session.getAttribute(name)));
            }
        }
        line(out, "remote", "", request.getRemoteAddr() + ":" + request.getRemotePort() + " " + request.getRemoteHost());
        line(out, "server", "", request.getScheme() + " secure=" + request.isSecure() + " " + request.getServerName() + ":"
                + request.getServerPort() + " " + request.getProtocol());
        line(out, "local", "", request.getLocalAddr() + ":" + request.getLocalPort() + " " + request.getLocalName());
        line(out, "requestId", "", request.getRequestId() + " " + request.getProtocolRequestId());
        line(out, "connection", "", describeConnection(request));
        line(out, "trailers", "", request.isTrailerFieldsReady() + " " + request.getTrailerFields());
        line(out, "async", "", request.isAsyncSupported() + " " + request.isAsyncStarted());
        try {
            line(out, "parts", "", request.getParts().size());
        } catch (Exception e) {
            line(out, "parts", "", "refused " + e.getClass().getSimpleName());
        }
        return out.toString();
    }

    private static String describeConnection(HttpServletRequest request) {
        var connection = request.getServletConnection();
        return connection == null ? null : connection.getConnectionId() + " " + connection.getProtocol() + " "
                + connection.getProtocolConnectionId() + " secure=" + connection.isSecure();
    }

    private static String describe(Object value) {
        if (value instanceof Enumeration<?> e) {
            return String.valueOf(Collections.list(e));
        }
        if (value instanceof HttpServletMapping m) {
            return m.getPattern() + "|" + m.getMatchValue() + "|" + m.getMappingMatch() + "|" + m.getServletName();
        }
        return String.valueOf(value);
    }

    private static void line(StringBuilder out, String kind, String name, Object value) {
        out.append(kind);
        if (!name.isEmpty()) {
            out.append(' ').append(name);
        }
        out.append('=').append(String.valueOf(value).replace('\n', ' ').replace('\r', ' ')).append('\n');
    }
}
