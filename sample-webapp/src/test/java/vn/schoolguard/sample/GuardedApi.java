package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The SchoolGuard REST API and the poster's side of a guarded {@link TestSite}, as a moderator, an
 * investigator or a visitor reaches them over HTTP: post a comment or a guestbook entry, list the queue,
 * decide, search the IP log. Every call asserts the status it expects, so a test reads as the story it tells.
 *
 * <pre>{@code
 * GuardedApi api = new GuardedApi(site);
 * HttpResponse<String> posted = api.postComment(6, "Lan", "Bài viết hay!");   // 303 to the receipt
 * JsonNode held = api.moderator().pendingWith("Bài viết hay!");
 * api.moderator().approve(held.path("id").asLong());
 * }</pre>
 */
final class GuardedApi {

    static final String CONSOLE = "/_schoolguard";
    static final String SUBMISSIONS = CONSOLE + "/api/submissions";
    static final String IPLOG = CONSOLE + "/api/iplog";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIPT = Pattern.compile("^" + CONSOLE + "/receipt/([^?/]+)(\\?.*)?$");

    private final TestSite site;
    private final SiteHttp http;

    GuardedApi(TestSite site) {
        this(site, site.http());
    }

    private GuardedApi(TestSite site, SiteHttp http) {
        this.site = site;
        this.http = http;
    }

    /** The API as the demo account {@code moderator}. */
    GuardedApi moderator() {
        return as("moderator");
    }

    /** The API as the demo account {@code investigator}. */
    GuardedApi investigator() {
        return as("investigator");
    }

    GuardedApi as(String user) {
        return new GuardedApi(site, site.http().withBasicAuth(user, site.demoPassword()));
    }

    SiteHttp http() {
        return http;
    }

    // ---------------------------------------------------------------- the visitor

    /** Posts a comment on article {@code articleId} as a browser would. */
    HttpResponse<String> postComment(long articleId, String author, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", author);
        fields.put("email", "");
        fields.put("content", content);
        return http.postForm("/news/" + articleId + "/comments", fields);
    }

    /** Posts a guestbook entry as a browser would. */
    HttpResponse<String> postGuestbook(String name, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("message", message);
        return http.postForm("/guestbook", fields);
    }

    /** The receipt code in a 303 answer to a held post; fails when the answer is anything else. */
    static String receiptOf(HttpResponse<String> held) {
        assertThat(held.statusCode()).as("answer to a held post: %s", held.body()).isEqualTo(303);
        String location = held.headers().firstValue("Location").orElseThrow();
        Matcher matcher = RECEIPT.matcher(location);
        assertThat(matcher.matches()).as("Location %s points at a receipt page", location).isTrue();
        return matcher.group(1);
    }

    /** The HTML of an article page (200 expected). */
    String article(long articleId) {
        return page("/news/" + articleId);
    }

    /** The HTML of any page that must answer 200. */
    String page(String path) {
        HttpResponse<String> page = http.get(path);
        assertThat(page.statusCode()).as("GET %s", path).isEqualTo(200);
        return page.body();
    }

    /** How many times {@code needle} occurs in {@code haystack}. */
    static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    // ---------------------------------------------------------------- the queue

    /** {@code GET /_schoolguard/api/submissions?status=...} as parsed JSON (200 expected). */
    JsonNode submissions(String status) {
        return json(http.get(SUBMISSIONS + "?limit=1000" + (status == null ? "" : "&status=" + status)), 200);
    }

    /** The only item of {@code status} whose fields contain {@code text}; fails when there is not exactly one. */
    JsonNode onlyWith(String status, String text) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : submissions(status).path("items")) {
            for (JsonNode value : item.path("fields")) {
                if (value.asText().contains(text)) {
                    found.add(item);
                    break;
                }
            }
        }
        assertThat(found).as("%s submissions containing %s", status, text).hasSize(1);
        return found.get(0);
    }

    JsonNode pendingWith(String text) {
        return onlyWith("pending", text);
    }

    /** Approves, expecting 200; the answer carries {@code changed}. */
    JsonNode approve(long id) {
        return json(decide(id, "approve", null), 200);
    }

    JsonNode reject(long id, String reason) {
        return json(decide(id, "reject", reason), 200);
    }

    JsonNode spam(long id) {
        return json(decide(id, "spam", null), 200);
    }

    /** {@code POST .../submissions/{id}/{action}} with an optional form field {@code reason}; any status. */
    HttpResponse<String> decide(long id, String action, String reason) {
        String path = SUBMISSIONS + "/" + id + "/" + action;
        return reason == null
                ? http.send(HttpRequest.newBuilder(http.uri(path)).POST(HttpRequest.BodyPublishers.noBody()))
                : http.postForm(path, Map.of("reason", reason));
    }

    /** {@code GET /_schoolguard/api/iplog?ip=...} as parsed JSON (200 expected). */
    JsonNode ipLogByIp(String ip) {
        return json(http.get(IPLOG + "?ip=" + URLEncoder.encode(ip, StandardCharsets.UTF_8)), 200);
    }

    /** The public receipt page of {@code code} (200 expected). */
    String receiptPage(String code) {
        return page(CONSOLE + "/receipt/" + code);
    }

    /**
     * The receipt page once it contains {@code text}: the site confirms publication on a background thread
     * shortly after a page showing the approved text was served.
     */
    String receiptPageOnce(String code, String text) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String page = receiptPage(code);
        while (!page.contains(text) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            page = receiptPage(code);
        }
        return page;
    }

    /** The body parsed as JSON after checking the status. */
    static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as("%s %s: %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        try {
            return JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }
}
