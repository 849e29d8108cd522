package vn.schoolguard.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Serves the few static files under {@code /static/}, read once from the class path. */
final class StaticServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A file's bytes, content type and validator. */
    private record Asset(byte[] bytes, String contentType, String etag) {
    }

    // A fixed list rather than a class-path lookup of the request path: nothing else can be fetched.
    private static final Map<String, String> FILES = Map.of(
            "/site.css", "text/css; charset=UTF-8");

    private final transient Map<String, Asset> assets;

    StaticServlet() {
        this.assets = Map.copyOf(FILES.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, entry -> load(entry.getKey(), entry.getValue()))));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Asset asset = assets.get(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (asset == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("ETag", asset.etag());
        response.setHeader("Cache-Control", "public, max-age=3600");
        if (asset.etag().equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(asset.contentType());
        response.setContentLength(asset.bytes().length);
        response.getOutputStream().write(asset.bytes());
    }

    private static Asset load(String name, String contentType) {
        try (InputStream in = StaticServlet.class.getResourceAsStream("static" + name)) {
            if (in == null) {
                throw new IllegalStateException("Static file missing from the class path: static" + name);
            }
            byte[] bytes = in.readAllBytes();
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return new Asset(bytes, contentType, "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
