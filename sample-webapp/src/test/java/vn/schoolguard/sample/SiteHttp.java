package vn.schoolguard.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A small HTTP client for tests against a running site: GET, form POST (UTF-8) and HTTP Basic.
 * Redirects are not followed, so tests see the 303 answers themselves. Immutable and thread-safe.
 *
 * <pre>{@code
 * SiteHttp http = new SiteHttp(site.baseUri());
 * HttpResponse<String> posted = http.postForm("/guestbook", Map.of("name", "An", "message", "Chào thầy cô"));
 * HttpResponse<String> queue = http.withBasicAuth("moderator", password).get("/_schoolguard/api/submissions?status=pending");
 * }</pre>
 */
public final class SiteHttp {

    /** The content type the site's forms send. */
    public static final String FORM_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client;
    private final URI base;
    private final Optional<String> authorization;

    public SiteHttp(URI base) {
        this(HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build(),
                base, Optional.empty());
    }

    private SiteHttp(HttpClient client, URI base, Optional<String> authorization) {
        this.client = client;
        this.base = base;
        this.authorization = authorization;
    }

    /** The same client sending {@code Authorization: Basic ...} with every request. */
    public SiteHttp withBasicAuth(String user, String password) {
        return new SiteHttp(client, base, Optional.of(basicAuth(user, password)));
    }

    /** The value of an {@code Authorization} header for HTTP Basic (UTF-8 credentials). */
    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code path} (with an optional query) resolved against the site's base URI. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    /** Posts fields as {@value #FORM_TYPE}, in the map's iteration order. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        return post(path, FORM_TYPE, form(fields));
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    /** Any request; the Basic credentials, if set, are added. */
    public HttpResponse<String> send(HttpRequest.Builder builder) {
        authorization.ifPresent(value -> builder.setHeader("Authorization", value));
        return send(builder.build());
    }

    /** URL-encodes fields in UTF-8, as a browser does for an {@code accept-charset="UTF-8"} form. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        authorization.ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }
}
