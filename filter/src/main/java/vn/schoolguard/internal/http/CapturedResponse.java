package vn.schoolguard.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.moderation.ReplayAnswer;

/**
 * The response a replayed submission is handed: it records status, redirect, error and headers, and keeps
 * at most a small part of the body, so that the moderator's own response stays untouched and the console
 * can still answer after one or several replays in the same request.
 */
final class CapturedResponse implements HttpServletResponse {

    private static final int MAX_BODY = ReplayAnswer.MAX_BODY_BYTES;

    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final BoundedBuffer body = new BoundedBuffer(MAX_BODY);
    private int status = SC_OK;
    private String errorMessage;
    private String redirect;
    private String contentType;
    private String characterEncoding = StandardCharsets.ISO_8859_1.name();
    private Locale locale = Locale.getDefault();
    private PrintWriter writer;
    private ServletOutputStream stream;

    int status() {
        return status;
    }

    String errorMessage() {
        return errorMessage;
    }

    String redirect() {
        return redirect;
    }

    /** The start of the body as text, for a moderator reading why a replay failed. */
    String bodyExcerpt() {
        if (writer != null) {
            writer.flush();
        }
        return body.toString(charset());
    }

    /**
     * What the application answered, as a loopback replay would have seen it, for the route's success rules;
     * a sendError message stands in for an empty body.
     */
    ReplayAnswer answer() {
        String text = bodyExcerpt();
        if (text.isBlank() && errorMessage != null) {
            text = errorMessage;
        }
        Map<String, List<String>> all = new LinkedHashMap<>();
        headers.forEach((name, values) -> all.put(name, List.copyOf(values)));
        if (contentType != null) {
            all.put("content-type", List.of(getContentType()));
        }
        if (redirect != null) {
            all.put("location", List.of(redirect));
        }
        return new ReplayAnswer(status, redirect, text, all);
    }

    private Charset charset() {
        try {
            return Charset.forName(characterEncoding);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    @Override
    public void addCookie(Cookie cookie) {
        // The poster is not here to receive cookies; the moderator must not get them either.
    }

    @Override
    public boolean containsHeader(String name) {
        return headers.containsKey(name.toLowerCase(Locale.ROOT));
    }

    @Override
    public String encodeURL(String url) {
        return url;
    }

    @Override
    public String encodeRedirectURL(String url) {
        return url;
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        errorMessage = msg;
    }

    @Override
    public void sendError(int sc) {
        status = sc;
    }

    @Override
    public void sendRedirect(String location) {
        status = SC_FOUND;
        redirect = location;
    }

    /** Servlet 6.1's redirect with a status; not an override while the library compiles against 6.0. */
    public void sendRedirect(String location, int sc, boolean clearBuffer) {
        status = sc;
        redirect = location;
    }

    @Override
    public void setDateHeader(String name, long date) {
        setHeader(name, String.valueOf(date));
    }

    @Override
    public void addDateHeader(String name, long date) {
        addHeader(name, String.valueOf(date));
    }

    @Override
    public void setHeader(String name, String value) {
        List<String> values = new ArrayList<>();
        values.add(value);
        headers.put(name.toLowerCase(Locale.ROOT), values);
        if (name.equalsIgnoreCase("Location")) {
            redirect = value;
        }
    }

    @Override
    public void addHeader(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    }

    @Override
    public void setIntHeader(String name, int value) {
        setHeader(name, String.valueOf(value));
    }

    @Override
    public void addIntHeader(String name, int value) {
        addHeader(name, String.valueOf(value));
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public String getHeader(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    @Override
    public Collection<String> getHeaders(String name) {
        return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
    }

    @Override
    public Collection<String> getHeaderNames() {
        return List.copyOf(headers.keySet());
    }

    @Override
    public String getCharacterEncoding() {
        return characterEncoding;
    }

    @Override
    public String getContentType() {
        return contentType;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new IllegalStateException("a replayed request cannot write asynchronously");
                }

                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(body, charset()));
        }
        return writer;
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (charset != null && writer == null) {
            characterEncoding = charset;
        }
    }

    @Override
    public void setContentLength(int len) {
        // Only a part of the body is kept, so the length is not worth recording.
    }

    @Override
    public void setContentLengthLong(long len) {
        // As above.
    }

    @Override
    public void setContentType(String type) {
        contentType = type;
        if (type != null) {
            int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                setCharacterEncoding(type.substring(at + 8).replace("\"", "").trim());
            }
        }
    }

    @Override
    public void setBufferSize(int size) {
        // Nothing is ever sent, so there is no buffer to size.
    }

    @Override
    public int getBufferSize() {
        return MAX_BODY;
    }

    @Override
    public void flushBuffer() {
        // Never commits: the moderator's response must stay writable after the replay.
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void reset() {
        body.reset();
        headers.clear();
        status = SC_OK;
        redirect = null;
        errorMessage = null;
    }

    @Override
    public void setLocale(Locale loc) {
        locale = loc;
    }

    @Override
    public Locale getLocale() {
        return locale;
    }

    /** A byte sink that keeps the first {@code limit} bytes and counts, but drops, the rest. */
    private static final class BoundedBuffer extends ByteArrayOutputStream {
        private final int limit;

        BoundedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (count < limit) {
                super.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, limit - count);
            super.write(b, off, Math.min(room, len));
        }
    }
}
