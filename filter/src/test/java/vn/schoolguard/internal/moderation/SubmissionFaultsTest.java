package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** Bad input on a submission route gets a clear 4xx answer, and nothing is stored or passed to the app. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SubmissionFaultsTest {

    @TempDir
    static Path dataDir;

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("limits.max-body", "2KB", "limits.max-fields", "5", "limits.max-field-chars", "500"));
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void bodyOverTheLimitGets413() throws Exception {
        HttpResponse<String> response = site.postForm("/posts/1/comments", Map.of("content", "x".repeat(3000)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("2048 bytes");
        assertNothingHeld();
    }

    @Test
    void tooManyFieldsGets400() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
            fields.put("f" + i, "v");
        }
        HttpResponse<String> response = site.postForm("/posts/1/comments", fields);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("more than 5 fields");
        assertNothingHeld();
    }

    @Test
    void malformedPercentEncodingGets400WithTheReason() throws Exception {
        HttpResponse<String> response = site.post("/posts/1/comments", "application/x-www-form-urlencoded", "content=100%zz",
                "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.MAPPER.readTree(response.body()).path("error").asText()).contains("'%zz' is not a valid percent-escape");
        assertNothingHeld();
    }

    @Test
    void invalidUtf8Gets400() throws Exception {
        HttpResponse<String> response = site.post("/posts/1/comments", "application/x-www-form-urlencoded; charset=UTF-8",
                "content=%C3%28");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UTF-8");
        assertNothingHeld();
    }

    @Test
    void fieldLongerThanTheLimitGets400() throws Exception {
        HttpResponse<String> response = site.postForm("/posts/1/comments", Map.of("content", "y".repeat(600)));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("longer than 500 characters");
    }

    @Test
    void unsupportedContentTypeGets415() throws Exception {
        HttpResponse<String> response = site.post("/posts/1/comments", "text/plain", "hello");
        assertThat(response.statusCode()).isEqualTo(415);
        assertNothingHeld();
    }

    @Test
    void malformedJsonGets400AndJsonSubmissionIsHeldWith202() throws Exception {
        assertThat(site.post("/posts/1/comments", "application/json", "{\"content\": ").statusCode()).isEqualTo(400);
        assertThat(site.post("/posts/1/comments", "application/json", "{\"content\": {\"x\": 1}}").statusCode()).isEqualTo(400);
        HttpResponse<String> held = site.post("/posts/1/comments", "application/json",
                "{\"author\":\"Hùng\",\"content\":\"Cảm ơn thầy cô\"}", "Accept", "application/json");
        assertThat(held.statusCode()).isEqualTo(202);
        JsonNode body = Json.MAPPER.readTree(held.body());
        assertThat(body.path("status").asText()).isEqualTo("pending");
        assertThat(body.path("receipt").asText()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");
        HttpResponse<String> status = site.get("/_schoolguard/receipt/" + body.path("receipt").asText().toLowerCase(),
                "Accept", "application/json");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(status.body()).path("status").asText()).isEqualTo("pending");
        assertThat(site.stored).isEmpty();
    }

    @Test
    void pathTricksDoNotSlipPastTheRoute() throws Exception {
        int before = pendingCount();
        // Path parameters and dot segments are refused outright (see CanonicalDispatchTest); encodings are held.
        assertThat(site.postForm("/posts/2/comments;jsessionid=abc", Map.of("content", "a")).statusCode()).isEqualTo(400);
        assertThat(site.postForm("/posts/2/%63omments", Map.of("content", "b")).statusCode()).isEqualTo(303);
        assertThat(site.postForm("/posts/./2/comments", Map.of("content", "c")).statusCode()).isEqualTo(400);
        assertThat(pendingCount()).isEqualTo(before + 1);
        assertThat(site.stored).isEmpty();
    }

    @Test
    void regressionTrailingSlashAndDoubledSlashesDoNotSlipPastTheRoute() throws Exception {
        // The application answers these variants with its comment handler; they must be held or refused, never passed on.
        for (String path : new String[] {"/posts/2/comments/", "/posts//2/comments", "//posts/2/comments"}) {
            assertThat(site.postForm(path, Map.of("content", "variant " + path)).statusCode()).as(path).isIn(303, 400);
        }
        assertThat(site.stored).isEmpty();
    }

    @Test
    void unknownReceiptAndSubmissionGet404() throws Exception {
        assertThat(site.get("/_schoolguard/receipt/ZZZZ-ZZZZ").statusCode()).isEqualTo(404);
        assertThat(site.get("/_schoolguard/api/submissions/999999", "Authorization", TestSite.basic("mod", TestSite.PASSWORD))
                .statusCode()).isEqualTo(404);
        assertThat(site.post("/_schoolguard/api/submissions/999999/approve", "application/json", "{}",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).statusCode()).isEqualTo(404);
    }

    @Test
    void requestsOffTheRoutesPassThroughUntouched() throws Exception {
        HttpResponse<String> page = site.get("/posts/1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Post</h1>");
    }

    private int pendingCount() throws Exception {
        return Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending&limit=1",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body()).path("total").asInt();
    }

    private void assertNothingHeld() {
        assertThat(site.stored).isEmpty();
    }
}
