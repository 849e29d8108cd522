package vn.schoolguard.internal.alert;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A department's webhook endpoint for tests: a real HTTP server (the JDK's) that keeps every request and answers
 * {@link #status} after waiting {@link #delayMillis}. {@link #verify} checks a signature the way a receiver would,
 * without SchoolGuard's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String timestamp, String signature, String contentType, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    volatile int status = 204;
    volatile long delayMillis;
    /** What {@code GET /home} answers: a school's home page for the self-check. */
    volatile String home = "<html><body><h1>Trường THCS</h1></body></html>";
    private final HttpServer server;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks/schoolguard", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-SchoolGuard-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-SchoolGuard-Signature"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
                exchange.sendResponseHeaders(status, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // The sender gave up (its timeout): nothing to answer.
            } finally {
                exchange.close();
            }
        });
        server.createContext("/home", exchange -> {
            byte[] page = home.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/schoolguard");
    }

    /** Whether the request carries {@code sha256=HMAC-SHA256(secret, timestamp + "." + body)}. */
    static boolean verify(Received request, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
        return java.security.MessageDigest.isEqual(("sha256=" + HexFormat.of().formatHex(expected))
                .getBytes(StandardCharsets.US_ASCII), request.signature().getBytes(StandardCharsets.US_ASCII));
    }

    /** Waits until {@code count} requests arrived; true when they did in time. */
    boolean await(int count, long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (received.size() < count) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
