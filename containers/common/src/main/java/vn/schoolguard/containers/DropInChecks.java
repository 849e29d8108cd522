package vn.schoolguard.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every container must show once the drop-in JAR is in the site: page injection, a held post, approval
 * by the REST API with the post replayed to the site, the IP log entry, the site's own libraries untouched, and a
 * replay approved in the browser console that shows the site nothing of the moderator.
 */
public final class DropInChecks {

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** @param base the site's address including its context path, without a trailing slash */
    public DropInChecks(String base) {
        this.base = base;
    }

    /** Runs every check; fails with an AssertJ error naming the first that does not hold. */
    public void all() throws Exception {
        pagesCarryTheEmcTrackerAndPortalLink();
        String text = "Bài viết hay lắm " + System.nanoTime();
        String id = postIsHeldUntilApproved(text);
        approvalReplaysThePostToTheSite(id, text);
        ipLogRecordsThePoster(id);
        replayRunsTheSitesRequestOnlyMappingFilter();
        siteKeepsItsOwnLibraries();
        new ReplayIsolationChecks(base, api(), ReplayIsolationChecks.Mode.LOOPBACK).replayShowsNothingOfTheModerator();
    }

    /** The checks for a site built with {@code replay.mode=forward}: approval still publishes, and shows nothing of the moderator. */
    public void forwardReplay() throws Exception {
        String text = "Duyệt bằng forward " + System.nanoTime();
        approvalReplaysThePostToTheSite(postIsHeldUntilApproved(text), text);
        new ReplayIsolationChecks(base, api(), ReplayIsolationChecks.Mode.FORWARD).replayShowsNothingOfTheModerator();
    }

    private static String api() {
        return System.getProperty("servlet.api", "jakarta.servlet.Servlet").startsWith("javax.") ? "javax" : "jakarta";
    }

    /** Posts a comment; asserts it is held (303) and listed as pending. Returns the submission id. */
    public String heldPost(String text) throws Exception {
        return postIsHeldUntilApproved(text);
    }

    void pagesCarryTheEmcTrackerAndPortalLink() throws Exception {
        HttpResponse<String> home = get("/news/1", false);
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).as("EMC tracker injected once").containsOnlyOnce("f-emc.ngsp.gov.vn/embed/gov-tracking.min.js");
        assertThat(home.body()).as("parent portal link").contains("https://haiphong.edu.vn/");
    }

    String postIsHeldUntilApproved(String text) throws Exception {
        return postIsHeldUntilApproved("/news/1/comments", text);
    }

    /**
     * A post to the site's pretty URL, which only the site's own REQUEST-only filter maps to the comment handler:
     * the loopback replay must run that filter, so the approved post is published.
     */
    void replayRunsTheSitesRequestOnlyMappingFilter() throws Exception {
        String text = "Qua địa chỉ đẹp " + System.nanoTime();
        String id = postIsHeldUntilApproved("/bai-viet/1/binh-luan", text);
        approvalReplaysThePostToTheSite(id, text);
    }

    String postIsHeldUntilApproved(String path, String text) throws Exception {
        String form = "author=" + enc("Phụ huynh") + "&content=" + enc(text);
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as("poster is told the post awaits moderation").isEqualTo(303);
        assertThat(get("/news/1", false).body()).as("nothing shown before approval").doesNotContain(text);
        HttpResponse<String> pending = get("/_schoolguard/api/submissions?status=pending&q=" + enc(text), true);
        assertThat(pending.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*\"?([^\",}]+)").matcher(pending.body());
        if (!m.find()) {
            // Say where the post went (filed as spam, say), not only that it is not pending.
            String anyStatus = get("/_schoolguard/api/submissions?q=" + enc(text), true).body();
            throw new AssertionError("post '" + text + "' not pending; the queue holds it as " + anyStatus);
        }
        return m.group(1);
    }

    void approvalReplaysThePostToTheSite(String id, String text) throws Exception {
        HttpResponse<String> approved = client.send(auth(HttpRequest.newBuilder(
                URI.create(base + "/_schoolguard/api/submissions/" + id + "/approve")))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("\"approved\"");
        String page = get("/news/1", false).body();
        assertThat(page).as("the replayed post reached the site with the poster's address").contains(text)
                .contains("Phụ huynh: ").containsPattern(Pattern.quote(text) + " from (127\\.0\\.0\\.1|0:0:0:0:0:0:0:1|::1)");
    }

    void ipLogRecordsThePoster(String id) throws Exception {
        HttpResponse<String> csv = get("/_schoolguard/api/iplog?format=csv&submission=" + enc(id), true);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFFtime,client_ip,client_port").contains(id).contains("127.0.0.1");
    }

    void siteKeepsItsOwnLibraries() throws Exception {
        String libs = get("/libs", false).body();
        assertThat(libs).contains("json={\"ok\":1}")
                .containsPattern("jackson=com\\.fasterxml\\.jackson\\.databind\\.ObjectMapper in .*/WEB-INF/lib/jackson-databind-[0-9.]+\\.jar")
                .containsPattern("caffeine=com\\.github\\.benmanes\\.caffeine\\.cache\\.Caffeine in .*/WEB-INF/lib/caffeine-[0-9.]+\\.jar")
                .containsPattern("h2=[0-9.]+ .*org\\.h2\\.Driver in .*/WEB-INF/lib/h2-[0-9.]+\\.jar")
                .doesNotContain("error=");
    }

    HttpResponse<String> get(String path, boolean admin) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return client.send(admin ? auth(request).build() : request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder auth(HttpRequest.Builder request) {
        String token = Base64.getEncoder().encodeToString(
                (DropInSite.ADMIN + ":" + DropInSite.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
