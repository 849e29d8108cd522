package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** Roles and credentials on the REST API: 401 without or with bad credentials, 403 for the wrong role. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiAccessTest {

    @TempDir
    static Path dataDir;

    TestSite site;
    long id;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("login.max-failures", "3"));
        site.postForm("/posts/1/comments", Map.of("author", "Minh", "content", "Bài viết hay"));
        id = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body()).path("items").get(0).path("id").asLong();
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void noCredentialsGet401WithABasicChallenge() throws Exception {
        HttpResponse<String> response = site.get("/_schoolguard/api/submissions?status=pending");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
    }

    @Test
    void wrongPasswordAndUnknownUserGet401() throws Exception {
        assertThat(site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("inv", "wrong")).statusCode()).isEqualTo(401);
        assertThat(site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("nobody", "x")).statusCode()).isEqualTo(401);
        assertThat(site.get("/_schoolguard/api/submissions", "Authorization", "Basic !!!").statusCode()).isEqualTo(401);
    }

    @Test
    void investigatorMayReadButNotDecide() throws Exception {
        assertThat(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", TestSite.basic("inv", TestSite.PASSWORD))
                .statusCode()).isEqualTo(200);
        HttpResponse<String> approve = site.post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", TestSite.basic("inv", TestSite.PASSWORD));
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(site.stored).isEmpty();
    }

    @Test
    void badQueryParametersGet400() throws Exception {
        String auth = TestSite.basic("mod", TestSite.PASSWORD);
        assertThat(site.get("/_schoolguard/api/submissions?status=maybe", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(site.get("/_schoolguard/api/submissions?limit=abc", "Authorization", auth).statusCode()).isEqualTo(400);
        assertThat(site.get("/_schoolguard/api/submissions?from=yesterday", "Authorization", auth).statusCode()).isEqualTo(400);
        JsonNode clamped = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?limit=5000", "Authorization", auth).body());
        assertThat(clamped.path("limit").asInt()).isEqualTo(1000);
    }

    @Test
    void crossSiteRequestIsRefusedEvenWithCredentials() throws Exception {
        HttpResponse<String> response = site.post("/_schoolguard/api/submissions/" + id + "/spam", "application/json", "{}",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD), "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void repeatedFailuresLockTheAccountWith429() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("boss", "nope" + i)).statusCode())
                    .isEqualTo(401);
        }
        HttpResponse<String> locked = site.get("/_schoolguard/api/submissions", "Authorization", TestSite.basic("boss", TestSite.PASSWORD));
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void rejectAndSpamAreRecordedWithReasonAndRejectedIsNeverShown() throws Exception {
        site.postForm("/posts/3/comments", Map.of("author", "Bot", "content", "mua sach giam gia tai cua hang"));
        JsonNode items = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending&q=giam%20gia",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body()).path("items");
        long spamId = items.get(0).path("id").asLong();
        HttpResponse<String> rejected = site.post("/_schoolguard/api/submissions/" + spamId + "/reject", "application/json",
                "{\"reason\":\"quảng cáo cờ bạc\"}", "Authorization", TestSite.basic("mod", TestSite.PASSWORD));
        assertThat(rejected.statusCode()).isEqualTo(200);
        JsonNode item = Json.MAPPER.readTree(rejected.body());
        assertThat(item.path("status").asText()).isEqualTo("rejected");
        assertThat(item.path("decisionReason").asText()).isEqualTo("quảng cáo cờ bạc");
        HttpResponse<String> approveRejected = site.post("/_schoolguard/api/submissions/" + spamId + "/spam", "application/json", "{}",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD));
        assertThat(Json.MAPPER.readTree(approveRejected.body()).path("status").asText()).isEqualTo("spam");
        assertThat(site.get("/posts/3").body()).doesNotContain("giam gia");
    }
}
