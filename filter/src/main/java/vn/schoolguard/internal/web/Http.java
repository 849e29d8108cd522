package vn.schoolguard.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.db.Json;

/** Small helpers for answering requests: JSON, errors, content negotiation. */
public final class Http {

    private Http() {
    }

    public static void json(HttpServletResponse response, int status, Object body) throws IOException {
        send(response, status, "application/json; charset=UTF-8", Json.write(body));
    }

    /**
     * Before a refusal that does not read the request's body: asks for the connection to be closed. A complete
     * answer of known length is committed before the container could add this itself, and a body that arrives
     * after the answer would otherwise be left on a connection the client believes is reusable.
     */
    public static void closeIfBodyUnread(HttpServletRequest request, HttpServletResponse response) {
        if (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null) {
            response.setHeader("Connection", "close");
        }
    }

    /** A JSON error body: {@code {"status":N,"error":"..."}}. */
    public static void jsonError(HttpServletResponse response, int status, String message) throws IOException {
        json(response, status, new ApiItems.ErrorJson(status, message));
    }

    public static void html(HttpServletResponse response, int status, String html) throws IOException {
        send(response, status, "text/html; charset=UTF-8", html);
    }

    public static void text(HttpServletResponse response, int status, String text) throws IOException {
        send(response, status, "text/plain; charset=UTF-8", text);
    }

    /** Answers with a complete, uncached UTF-8 body of a known length. */
    private static void send(HttpServletResponse response, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Whether the client would rather have JSON than HTML (API clients, fetch calls, JSON posts). */
    public static boolean wantsJson(HttpServletRequest request) {
        String accept = lower(request.getHeader("Accept"));
        // The header as sent: containers throw from getContentType() when its charset is unknown.
        String type = lower(request.getHeader("Content-Type"));
        if (accept.contains("text/html")) {
            return false;
        }
        return accept.contains("application/json") || type.startsWith("application/json");
    }

    /** The path within the web application, not decoded (as {@code getRequestURI} gives it). */
    public static String pathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** HTML-escapes text for element content and quoted attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&#34;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
