package vn.schoolguard.sample.attack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP/1.1 client that sends exactly the bytes it is given, so that attack cases can carry request lines, headers
 * and bodies that ordinary clients refuse to build or quietly normalise (encoded slashes, dot segments, duplicate
 * headers, lying lengths). One request per connection.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    /** One answer: the status, the headers in order, the body decoded as UTF-8, and whether the server closed. */
    record Response(int status, List<String[]> headers, String body) {

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code request} as it is and reads its final answer (received 1xx answers are skipped). */
    Response exchange(byte[] request) throws IOException {
        boolean head = new String(request, 0, Math.min(5, request.length), StandardCharsets.US_ASCII).equals("HEAD ");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // A server may answer and close before an oversized body is fully sent (413): read what it said.
            }
            InputStream in = socket.getInputStream();
            Response answer = read(in, head);
            while (answer.status() >= 100 && answer.status() < 200) {
                answer = read(in, head);
            }
            return answer;
        }
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the server closed the connection without an answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {line.substring(0, colon).trim(), line.substring(colon + 1).trim()});
            }
        }
        Response received = new Response(status, headers, "");
        byte[] body;
        if (head || status < 200 || status == 204 || status == 304) {
            body = new byte[0];
        } else if (received.header("Transfer-Encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false)) {
            body = chunked(in);
        } else if (received.header("Content-Length").isPresent()) {
            body = exactly(in, Integer.parseInt(received.header("Content-Length").get().trim()));
        } else {
            body = untilClose(in);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                return body.toByteArray();
            }
            int length = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (length == 0) {
                while (true) {
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        return body.toByteArray();
                    }
                }
            }
            body.write(exactly(in, length));
            line(in);
        }
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        if (length > MAX_RESPONSE_BYTES) {
            throw new IOException("answer too large: " + length + " bytes");
        }
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException("answer cut short: " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    private static byte[] untilClose(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_RESPONSE_BYTES) {
                    throw new IOException("answer too large");
                }
            }
        } catch (SocketTimeoutException e) {
            // The server kept the connection open: what arrived is the answer.
        }
        return body.toByteArray();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
