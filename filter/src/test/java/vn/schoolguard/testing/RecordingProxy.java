package vn.schoolguard.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on 127.0.0.1 that passes one HTTP/1.1 request per connection on to a target port and keeps the
 * exact bytes of each request, so that a test can send one again as an attacker who captured it would.
 */
public final class RecordingProxy implements AutoCloseable {

    public final List<byte[]> requests = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final int target;
    private final Thread thread;

    /** @param port the port to listen on, 0 for any */
    public RecordingProxy(int port, int target) throws IOException {
        this.server = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"));
        this.target = target;
        this.thread = new Thread(this::serve, "recording-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept(); Socket upstream = new Socket("127.0.0.1", target)) {
                byte[] request = readRequest(client.getInputStream());
                requests.add(request);
                upstream.getOutputStream().write(request);
                upstream.getOutputStream().flush();
                upstream.getInputStream().transferTo(client.getOutputStream());
            } catch (IOException e) {
                // Closed, or a client went away; the next connection is served anyway.
            }
        }
    }

    private static byte[] readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            String text = out.toString(StandardCharsets.ISO_8859_1);
            if (text.endsWith("\r\n\r\n")) {
                int length = 0;
                for (String line : text.split("\r\n")) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    }
                }
                out.write(in.readNBytes(length));
                break;
            }
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
