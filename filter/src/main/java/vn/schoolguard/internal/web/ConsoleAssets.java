package vn.schoolguard.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import vn.schoolguard.internal.hash.Sha256;

/** The console's stylesheet and script, read from the classpath once and served with long-lived caching. */
final class ConsoleAssets {

    private record Asset(byte[] bytes, String contentType, String version) {
    }

    private final Map<String, Asset> assets = Map.of(
            "console.css", load("console.css", "text/css; charset=UTF-8"),
            "console.js", load("console.js", "text/javascript; charset=UTF-8"));

    /** The URL of an asset; the version in it changes with the content, so browsers may cache it for a year. */
    String url(String base, String name) {
        return base + "/assets/" + name + "?v=" + assets.get(name).version();
    }

    void serve(HttpServletRequest request, HttpServletResponse response, String name) throws IOException {
        Asset asset = assets.get(name);
        if (asset == null || !(request.getMethod().equals("GET") || request.getMethod().equals("HEAD"))) {
            Http.text(response, 404, "not found");
            return;
        }
        String etag = "\"" + asset.version() + "\"";
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(304);
            return;
        }
        response.setStatus(200);
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        if (request.getMethod().equals("GET")) {
            response.getOutputStream().write(asset.bytes());
        }
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ConsoleView.ROOT + "assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing console asset " + name);
            }
            byte[] bytes = in.readAllBytes();
            String hash = Sha256.hex(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
            return new Asset(bytes, contentType, hash.substring(0, 12));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
