package vn.schoolguard.internal.http;

import vn.schoolguard.internal.moderation.Poster;

import java.io.BufferedReader;
import java.util.Enumeration;
import java.util.Map;

import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body and parameters are answered from a {@link StoredBody} (an approved, re-encoded body), never
 * from the wrapped request: what a replayed request, of either replay mode, gives the application to read.
 */
// Security-critical: what the application reads here is exactly what the moderator approved.
abstract class StoredBodyRequest extends HttpServletRequestWrapper {

    private final StoredBody stored;

    StoredBodyRequest(HttpServletRequest request, StoredBody stored) {
        super(request);
        this.stored = stored;
    }

    /** Who posted: the address and port the application sees instead of the connection's. */
    abstract Poster poster();

    @Override
    public String getRemoteAddr() {
        return poster().clientIp();
    }

    @Override
    public String getRemoteHost() {
        return poster().clientIp();
    }

    @Override
    public int getRemotePort() {
        return Math.max(0, poster().clientPort());
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
}
