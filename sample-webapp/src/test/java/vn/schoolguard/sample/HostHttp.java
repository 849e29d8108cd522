package vn.schoolguard.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to the sample on 127.0.0.1 with a chosen {@code Host} header, as a browser sends for
 * {@code ngoquyen.localhost:PORT} (java.net.http cannot set Host, and *.localhost needs no DNS in a browser only).
 */
final class HostHttp {

    /** Status, headers as one lower-cased block, and body (bodies are small: no chunked decoding is needed to search them). */
    record Answer(int status, String headers, String body) {

        String header(String name) {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith(name.toLowerCase(Locale.ROOT) + ":")) {
                    return line.substring(name.length() + 1).trim();
                }
            }
            return null;
        }
    }

    private final int port;
    private final String host;

    HostHttp(int port, String hostName) {
        this.port = port;
        this.host = hostName + ":" + port;
    }

    Answer get(String target, String... headers) {
        return send("GET", target, "", headers);
    }

    Answer postForm(String target, Map<String, String> fields, String... headers) {
        String[] all = new String[headers.length + 2];
        System.arraycopy(headers, 0, all, 0, headers.length);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = SiteHttp.FORM_TYPE;
        return send("POST", target, SiteHttp.form(fields), all);
    }

    Answer send(String method, String target, String body, String... headers) {
        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Length: ").append(bytes.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(bytes);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = answer.indexOf("\r\n\r\n");
            return new Answer(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, end), answer.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
