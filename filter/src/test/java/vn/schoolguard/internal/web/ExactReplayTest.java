package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * Every value the application can read from a replayed request is part of the submission: shown to the
 * moderator, sanitized by its role, editable, and replayed only as approved.
 */
class ExactReplayTest {

    private static final String SCRIPT = "<img src=x onerror=alert(1)>";
    private static final String MOD = TestSite.basic("mod", TestSite.PASSWORD);

    @TempDir
    Path dataDir;

    TestSite site;

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void regressionScriptInTheQueryStringOfAHeldPostIsShownAndNeverReachesTheApp() throws Exception {
        site = new TestSite(dataDir, Map.of());
        HttpResponse<String> posted = site.postForm("/posts/1/comments?content=" + enc(SCRIPT) + "&ref=home",
                Map.of("author", "An", "content", "Xin chào"));
        assertThat(posted.statusCode()).isEqualTo(303);

        JsonNode item = onlyPending();
        assertThat(item.path("queryFields").path("ref").asText()).isEqualTo("home");
        assertThat(item.path("queryFields").path("content").asText()).doesNotContain("onerror");
        assertThat(item.path("fields").path("ref").asText()).isEqualTo("home");
        assertThat(item.path("fields").toString()).contains("Xin chào").doesNotContain("onerror");
        assertThat(item.path("rawQueryFields").path("content").asText()).isEqualTo(SCRIPT);

        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(site, "mod");
        String page = browser.get("/items/" + item.path("id").asLong()).body();
        assertThat(page).contains("name=\"q.ref\"", "name=\"q.content\"", "name=\"f.content\"",
                "onerror").doesNotContain(SCRIPT);

        approve(item.path("id").asLong());
        assertThat(site.stored).hasSize(1);
        TestSite.Stored stored = site.stored.get(0);
        assertThat(stored.parameters().get("ref")).containsExactly("home");
        assertThat(Arrays.toString(stored.parameters().get("content"))).doesNotContain("onerror").contains("Xin chào");
        assertThat(stored.queryString()).contains("ref=home").doesNotContain("onerror").doesNotContain("img");
    }

    @Test
    void regressionModeratorsEditOfAQueryFieldIsExactlyWhatTheAppReceives() throws Exception {
        site = new TestSite(dataDir, Map.of());
        site.postForm("/posts/1/comments?ref=home&content=" + enc("<b>hi</b>"), Map.of("content", "Xin chào"));
        long id = onlyPending().path("id").asLong();
        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(site, "mod");
        browser.get("/items/" + id);
        HttpResponse<String> edited = browser.post("/items/" + id + "/edit", "_csrf", browser.csrf(),
                "q.ref", "trang chủ & tin", "q.content", "<i>sửa</i><script>x()</script>", "f.content", "Xin chào các em");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(edited.headers().firstValue("Location").orElseThrow()).contains("done=edited");

        assertThat(site.stored).hasSize(1);
        TestSite.Stored stored = site.stored.get(0);
        assertThat(stored.parameters().get("ref")).containsExactly("trang chủ & tin");
        assertThat(stored.parameters().get("content")).containsExactly("<i>sửa</i>", "Xin chào các em");
        assertThat(stored.queryString()).isEqualTo("ref=" + enc("trang chủ & tin") + "&content=" + enc("<i>sửa</i>"));
    }

    @Test
    void regressionJsonPostWithAScriptInTheQueryStringReplaysOnlyApprovedValues() throws Exception {
        site = new TestSite(dataDir, Map.of());
        HttpResponse<String> posted = site.post("/posts/1/comments?content=" + enc(SCRIPT) + "&ref=home", "application/json",
                "{\"author\":\"An\",\"content\":\"Xin chào\"}", "Accept", "application/json");
        assertThat(posted.statusCode()).isEqualTo(202);
        JsonNode item = onlyPending();
        assertThat(item.path("queryFields").path("ref").asText()).isEqualTo("home");
        assertThat(item.path("rawQueryFields").path("content").asText()).isEqualTo(SCRIPT);

        approve(item.path("id").asLong());
        TestSite.Stored stored = site.stored.get(0);
        assertThat(stored.parameters().get("content")).containsExactly("Xin chào");
        assertThat(stored.queryString()).contains("ref=home").doesNotContain("onerror");
    }

    @Test
    void regressionFieldsDroppedByTheRouteAreNeverReplayedAndTheModeratorIsTold() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.unlisted", "drop"));
        site.postForm("/posts/1/comments?evil=" + enc(SCRIPT), Map.of("content", "Xin chào", "extra", "x"));
        JsonNode item = onlyPending();
        assertThat(item.path("dropped").toString()).contains("evil", "extra");
        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(site, "mod");
        assertThat(browser.get("/items/" + item.path("id").asLong()).body()).contains("id=\"dropped\"", "evil", "extra");

        approve(item.path("id").asLong());
        TestSite.Stored stored = site.stored.get(0);
        assertThat(stored.parameters()).containsOnlyKeys("content");
        assertThat(stored.queryString()).isNull();
    }

    private JsonNode onlyPending() throws Exception {
        JsonNode list = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", MOD).body());
        assertThat(list.path("total").asInt()).isEqualTo(1);
        return list.path("items").get(0);
    }

    private void approve(long id) throws Exception {
        HttpResponse<String> approved = site.post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", MOD);
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
