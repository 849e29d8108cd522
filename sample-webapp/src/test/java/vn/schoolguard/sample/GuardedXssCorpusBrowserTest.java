package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The XSS corpus shared with the filter's sanitizer tests, posted as comments through the guarded sample site,
 * approved in bulk, then rendered in headless Chromium: no payload may run script or fetch anything.
 */
class GuardedXssCorpusBrowserTest {

    private static final Path CORPUS = Path.of("..", "filter", "src", "test", "resources", "xss", "payloads.txt");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noPayloadOfTheCorpusRunsAfterApprovalOnTheArticlePage() throws Exception {
        List<String> payloads = Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertThat(payloads).hasSizeGreaterThanOrEqualTo(300);
        // The corpus is posted from one address in a few seconds, far faster than any parent; limits are not under test here.
        System.setProperty("schoolguard.ratelimit.enabled", "false");
        TestSite site;
        try {
            site = TestSite.guarded(TestSite.DEFAULT_PASSWORD);
        } finally {
            System.clearProperty("schoolguard.ratelimit.enabled");
        }
        try (site; Browser browser = Browser.open()) {
            GuardedApi visitor = new GuardedApi(site);
            for (String payload : payloads) {
                GuardedApi.receiptOf(visitor.postComment(2, "Kiểm thử", "Bình luận " + payload));
            }
            GuardedApi moderator = visitor.moderator();
            JsonNode all = moderator.submissions(null);
            List<Long> ids = new ArrayList<>();
            all.path("items").forEach(item -> ids.add(item.path("id").asLong()));
            assertThat(ids).hasSize(payloads.size());
            int approved = 0;
            for (int from = 0; from < ids.size(); from += 200) {
                String body = JSON.writeValueAsString(Map.of("action", "approve", "ids", ids.subList(from, Math.min(ids.size(), from + 200))));
                JsonNode results = JSON.readTree(moderator.http().post(GuardedApi.SUBMISSIONS + "/bulk", "application/json", body).body());
                for (JsonNode result : results.path("results")) {
                    approved += result.path("result").asText().equals("changed") ? 1 : 0;
                }
            }
            // A payload that sanitizes to nothing fails the site's own "empty comment" check; all others are shown.
            assertThat(approved).isGreaterThan(payloads.size() * 9 / 10);

            ChromeDriver driver = browser.driver();
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source",
                    "window.__calls = [];"
                    + "for (const f of ['alert', 'confirm', 'prompt', 'print']) {"
                    + "  window[f] = function (m) { window.__calls.push(f + ':' + m); }; }"));
            driver.get(site.baseUri() + "news/2");
            browser.await().withTimeout(Duration.ofSeconds(10))
                    .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            Thread.sleep(500); // timers and image errors set by a payload would fire within this time
            JavascriptExecutor js = driver;
            assertThat((List<?>) js.executeScript("return window.__calls;")).as("dialogs opened by payloads").isEmpty();
            List<?> fetched = (List<?>) js.executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".filter(n => !n.includes('/static/') && !n.endsWith('/favicon.ico') && !n.startsWith('https://f-emc.ngsp.gov.vn/'));");
            // The page's own style sheet, icon and the injected EMC tracker are expected; nothing else may load.
            assertThat(fetched).as("requests made by payloads").isEmpty();
            assertThat(driver.getCurrentUrl()).isEqualTo(site.baseUri() + "news/2");
            assertThat(driver.getPageSource()).contains("Bình luận");
        }
    }
}
