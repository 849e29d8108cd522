package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/** Per-rule counts of spam and false positives, and the re-check of approved content. */
class ConsoleRulePagesTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());
    String auth = TestSite.basic("mod", TestSite.PASSWORD);

    long latestId() throws Exception {
        return Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?limit=1", "Authorization", auth).body())
                .path("items").get(0).path("id").asLong();
    }

    @Test
    void approvedMatchesCountAsFalsePositivesAndRecheckListsFlaggedApprovedContent() throws Exception {
        // An anti-gambling announcement: it mentions the words, so it is flagged, and the moderator approves it.
        String notice = "Cảnh báo: không tham gia nhà cái, nổ hũ đổi thưởng là cờ bạc trái phép";
        running.site().postForm("/posts/1/comments", Map.of("author", "Cô Lan", "content", notice));
        long id = latestId();
        running.site().post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}", "Authorization", auth);

        JsonNode stats = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/rules", "Authorization", auth).body()).path("items");
        assertThat(stats).isNotEmpty();
        assertThat(stats).anySatisfy(rule -> {
            assertThat(rule.path("approved").asInt()).isEqualTo(1);
            assertThat(rule.path("falsePositiveRate").asDouble()).isEqualTo(1.0);
        });

        HttpResponse<String> recheck = running.site().post("/_schoolguard/api/rules/recheck", "application/json", "{}", "Authorization", auth);
        assertThat(recheck.statusCode()).isEqualTo(200);
        JsonNode flagged = Json.MAPPER.readTree(recheck.body()).path("items");
        assertThat(flagged).singleElement().satisfies(item -> {
            assertThat(item.path("id").asLong()).isEqualTo(id);
            assertThat(item.path("nowVerdict").asText()).isIn("suspect", "spam");
        });
        assertThat(running.site().post("/_schoolguard/api/rules/recheck", "application/json", "{}",
                "Authorization", TestSite.basic("inv", TestSite.PASSWORD)).statusCode()).isEqualTo(403);
    }

    @Test
    void rulesPageShowsTheTableAndRecheckNeedsTheCsrfToken() throws Exception {
        running.site().postForm("/posts/1/comments", Map.of("author", "X", "content", "Nhà cái uy tín, nổ hũ đổi thưởng tại go88 chấm vip"));
        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(running.site(), "mod");
        HttpResponse<String> page = browser.get("/rules");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"rule-stats\"").contains("gambling.");
        assertThat(browser.post("/rules/recheck").statusCode()).isEqualTo(403);
        HttpResponse<String> rechecked = browser.post("/rules/recheck", "_csrf", browser.csrf());
        assertThat(rechecked.statusCode()).isEqualTo(200);
        assertThat(rechecked.body()).contains("id=\"recheck-total\"");
    }
}
