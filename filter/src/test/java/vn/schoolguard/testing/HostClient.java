package vn.schoolguard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 over a plain socket with the {@code Host} header a test chooses (java.net.http refuses to set it), to a
 * server on 127.0.0.1: many host names, one server, as a platform of many schools is reached.
 */
public final class HostClient {

    /** One answer: status, headers by lower-case name (values joined by a comma), body. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        /** The {@code name=value} of the first Set-Cookie, for sending back. */
        public Optional<String> cookie() {
            return header("set-cookie").map(c -> c.split(";", 2)[0]);
        }
    }

    private final int port;

    public HostClient(int port) {
        this.port = port;
    }

    public Answer get(String host, String target, String... headers) throws IOException {
        return send("GET", host, target, headers, null, null);
    }

    public Answer postForm(String host, String target, Map<String, String> fields, String... headers) throws IOException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", host, target, headers, "application/x-www-form-urlencoded; charset=UTF-8", body);
    }

    /** Sends one request; {@code host} null sends no Host header at all. Headers are name, value pairs. */
    public Answer send(String method, String host, String target, String[] headers, String contentType, String body)
            throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (host != null) {
            head.append("Host: ").append(host).append("\r\n");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        return raw(head.toString(), bytes);
    }

    /** Sends exactly this request head (and body) and parses the answer. */
    public Answer raw(String requestHead, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    static Answer parse(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(answer, end + 4, answer.length);
        boolean chunked = headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.equalsIgnoreCase("chunked"));
        return new Answer(status, headers, new String(chunked ? unchunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = at;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            out.write(body, lineEnd + 2, Math.min(length, body.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return out.toByteArray();
    }
}
