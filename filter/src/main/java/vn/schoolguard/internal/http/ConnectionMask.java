package vn.schoolguard.internal.http;

import jakarta.servlet.ServletConnection;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

// Hides the moderator's connection (Servlet 6 getServletConnection, whose id names the moderator's address and port)
// from a replayed request. The javax build (Servlet 4) has no ServletConnection: there no mask is made, and neither
// this class nor ReplayRequest declares a method naming the missing type, so reflection on them keeps working.
final class ConnectionMask {

    private static final boolean SERVLET_6 = hasServletConnection();

    private ConnectionMask() {
    }

    /** The moderator's request with its connection hidden, on Servlet 6; the request itself before. */
    static HttpServletRequest over(HttpServletRequest moderatorRequest) {
        return SERVLET_6 ? new Mask(moderatorRequest) : moderatorRequest;
    }

    private static boolean hasServletConnection() {
        try {
            ServletRequest.class.getMethod("getServletConnection");
            return true;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    // Security-critical: sits under ReplayRequest (containers insert their own dispatch wrappers below it, Tomcat's
    // included), so getServletConnection() never reaches the moderator's connection.
    private static final class Mask extends HttpServletRequestWrapper {

        Mask(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletConnection getServletConnection() {
            return new Connection(isSecure());
        }
    }

    /** A replayed request's own connection: a stored post sent once over HTTP/1.1. */
    private record Connection(boolean isSecure) implements ServletConnection {

        @Override
        public String getConnectionId() {
            return "replay";
        }

        @Override
        public String getProtocol() {
            return "HTTP/1.1";
        }

        @Override
        public String getProtocolConnectionId() {
            return "";
        }
    }
}
