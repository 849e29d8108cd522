package vn.schoolguard.internal.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import vn.schoolguard.internal.moderation.ReplayAnswer;
import vn.schoolguard.internal.net.IpLiteral;

/**
 * A minimal HTTP/1.1 client for loopback replays: one request per connection ({@code Connection: close}),
 * no redirects, no cookies, a connect and a read timeout, at most {@link ReplayAnswer#MAX_BODY_BYTES} of the
 * answer read.
 *
 * <p>Why not {@code java.net.http.HttpClient}: the replay must carry the poster's own {@code Host} header
 * (virtual hosts, per-site settings by host name, absolute links the application builds), and that client
 * refuses to set {@code Host} unless the system property {@code jdk.httpclient.allowRestrictedHeaders} is set
 * before its classes initialise, which a library inside a host application can neither rely on nor impose
 * on the whole JVM. {@code HttpURLConnection} has the same restriction. Writing one request is simple.
 */
final class LoopbackHttp {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?");
    private static final int MAX_HEAD = 64 * 1024;

    /** A request to send: the {@code Host} header, method, target (path and query) and headers besides these. */
    record Request(String host, String method, String target, Map<String, List<String>> headers, byte[] body) {
    }

    private LoopbackHttp() {
    }

    /** Whether a Host header value is safe to send as it is. */
    static boolean isHostHeader(String value) {
        return value != null && HOST.matcher(value).matches();
    }

    /**
     * Sends one request to {@code base}'s scheme, host and port and reads the answer.
     *
     * @throws IOException when the application cannot be reached or its answer is not HTTP
     */
    static ReplayAnswer send(URI base, Request request, Duration timeout) throws IOException {
        return send(base, request, timeout, ReplayAnswer.MAX_BODY_BYTES);
    }

    /** As {@link #send(URI, Request, Duration)}, keeping at most {@code maxBody} bytes of the answer's body. */
    static ReplayAnswer send(URI base, Request request, Duration timeout, int maxBody) throws IOException {
        boolean tls = base.getScheme().equalsIgnoreCase("https");
        int port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        String host = unbracket(base.getHost());
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
            if (tls) {
                socket = secure(socket, request.host(), port);
            }
            OutputStream out = socket.getOutputStream();
            out.write(head(request).getBytes(StandardCharsets.ISO_8859_1));
            out.write(request.body());
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()), request.method(), maxBody);
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer within " + timeout.toSeconds() + "s");
        } finally {
            socket.close();
        }
    }

    /**
     * TLS over the loopback connection, with the certificate checked for the site's own name (the poster's
     * Host), not for 127.0.0.1, so that a certificate the JVM trusts for the site works unchanged.
     */
    private static Socket secure(Socket plain, String hostHeader, int port) throws IOException {
        String name = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.contains(":") ? hostHeader.substring(0, hostHeader.indexOf(':')) : hostHeader;
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, unbracket(name), port, true);
        SSLParameters parameters = ssl.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        if (IpLiteral.parse(unbracket(name)).isEmpty()) {
            parameters.setServerNames(List.of(new SNIHostName(name)));
        }
        ssl.setSSLParameters(parameters);
        ssl.startHandshake();
        return ssl;
    }

    private static String head(Request request) {
        StringBuilder head = new StringBuilder();
        head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(request.host()).append("\r\n");
        request.headers().forEach((name, values) -> values.forEach(value -> {
            // Stored values came through a container's parser; a line break here would split the request.
            if (value.indexOf('\r') < 0 && value.indexOf('\n') < 0 && value.indexOf('\0') < 0) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }));
        head.append("Content-Length: ").append(request.body().length).append("\r\n");
        head.append("Connection: close\r\n\r\n");
        return head.toString();
    }

    private static ReplayAnswer read(InputStream in, String method, int maxBody) throws IOException {
        int[] headBytes = {0};
        while (true) {
            String statusLine = line(in, headBytes);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("the answer is not HTTP/1.x: '" + abbreviate(statusLine) + "'");
            }
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("the answer has no status code: '" + abbreviate(statusLine) + "'");
            }
            Map<String, List<String>> headers = headers(in, headBytes);
            if (status >= 100 && status < 200) {
                continue;
            }
            boolean noBody = method.equals("HEAD") || status == 204 || status == 304;
            byte[] body = noBody ? new byte[0] : body(in, headers, maxBody);
            String location = first(headers, "location");
            return new ReplayAnswer(status, location, new String(body, charset(first(headers, "content-type"))), headers);
        }
    }

    private static Map<String, List<String>> headers(InputStream in, int[] headBytes) throws IOException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = line(in, headBytes); !line.isEmpty(); line = line(in, headBytes)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static byte[] body(InputStream in, Map<String, List<String>> headers, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String encoding = first(headers, "transfer-encoding");
        if (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            int[] unused = {0};
            while (body.size() < maxBody) {
                String size = line(in, unused).split(";", 2)[0].trim();
                int length;
                try {
                    length = Integer.parseInt(size, 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size '" + abbreviate(size) + "' in the answer");
                }
                if (length == 0) {
                    break;
                }
                copy(in, body, length, maxBody);
                line(in, unused);
            }
        } else {
            String declared = first(headers, "content-length");
            long length = declared == null ? Long.MAX_VALUE : parseLength(declared);
            copy(in, body, length, maxBody);
        }
        byte[] bytes = body.toByteArray();
        return bytes.length <= maxBody ? bytes : java.util.Arrays.copyOf(bytes, maxBody);
    }

    /** Copies up to {@code length} bytes, stopping at the end of the stream or when the body limit is reached. */
    private static void copy(InputStream in, ByteArrayOutputStream out, long length, int maxBody) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0 && out.size() < maxBody) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static long parseLength(String value) throws IOException {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length '" + abbreviate(value) + "' in the answer");
        }
    }

    private static String line(InputStream in, int[] headBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                if (line.size() == 0 && headBytes[0] == 0) {
                    throw new IOException("the application closed the connection without answering");
                }
                break;
            }
            if (++headBytes[0] > MAX_HEAD) {
                throw new IOException("the answer's head is longer than " + MAX_HEAD + " bytes");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
            if (at >= 0) {
                String name = contentType.substring(at + 8).split(";", 2)[0].replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return StandardCharsets.ISO_8859_1;
                }
            }
        }
        return StandardCharsets.ISO_8859_1;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static String unbracket(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String abbreviate(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
