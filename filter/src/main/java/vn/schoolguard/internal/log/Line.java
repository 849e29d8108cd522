package vn.schoolguard.internal.log;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A log line of {@code key=value} facts, e.g. {@code iplog seq=42 outcome=held client=203.0.113.7:51234}, so that
 * every backend, down to a plain text file, shows them. The same facts, plus any {@link #context} ones, go to
 * SLF4J's MDC while the line is written, for JSON appenders. Not thread-safe: build, log, drop.
 */
public final class Line {

    private final StringBuilder text;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private Throwable thrown;

    private Line(String event) {
        this.text = new StringBuilder(event);
    }

    /** A line that starts with {@code event}, a fixed word such as {@code iplog}. */
    public static Line of(String event) {
        return new Line(event);
    }

    /** Adds {@code key=value} to the text and to the MDC fields; a null value is left out of both. */
    public Line add(String key, Object value) {
        if (value != null) {
            String v = String.valueOf(value);
            text.append(' ').append(key).append('=').append(quoted(v));
            fields.put(key, v);
        }
        return this;
    }

    /**
     * Adds {@code key=ip:port} ({@code key=[ip]:port} for IPv6; just the address when the port is unknown) to the
     * text, and {@code key_ip}, {@code key_port} to the MDC fields; a null address is left out.
     */
    public Line address(String key, String ip, int port) {
        if (ip != null) {
            String host = ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip;
            text.append(' ').append(key).append('=').append(quoted(port > 0 ? host + ":" + port : host));
            fields.put(key + "_ip", ip);
            if (port > 0) {
                fields.put(key + "_port", Integer.toString(port));
            }
        }
        return this;
    }

    /** Adds a field for structured appenders only (long or secondary facts); a null value is left out. */
    public Line context(String key, Object value) {
        if (value != null) {
            fields.put(key, String.valueOf(value));
        }
        return this;
    }

    /** Ends the text with a free-form remark, e.g. why something failed. */
    public Line remark(String remark) {
        text.append(": ").append(Format.escapeControls(String.valueOf(remark)));
        return this;
    }

    /** Logs {@code t} with its stack trace together with the line. */
    public Line thrown(Throwable t) {
        this.thrown = t;
        return this;
    }

    String text() {
        return text.toString();
    }

    Map<String, String> fields() {
        return Collections.unmodifiableMap(fields);
    }

    Throwable thrown() {
        return thrown;
    }

    // Security-critical: values come from requests (paths, user agents); quoting keeps one value from posing
    // as further key=value pairs or as a new line.
    static String quoted(String value) {
        boolean plain = !value.isEmpty();
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c > ' ' && c != '"' && c != '=' && c != '\\' && !Character.isISOControl(c) && !Character.isWhitespace(c)
                    && !Character.isSpaceChar(c);
        }
        if (plain) {
            return value;
        }
        String escaped = Format.escapeControls(value.replace("\\", "\\\\").replace("\"", "\\\""));
        return '"' + escaped + '"';
    }
}
