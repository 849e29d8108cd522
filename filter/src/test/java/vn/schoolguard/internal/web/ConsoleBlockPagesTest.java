package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/** Issue 5: the block list in the console, and "block this address" on a submission. */
class ConsoleBlockPagesTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of("proxies.trusted", "127.0.0.1"));

    @Test
    void blockThisAddressFromASubmissionThenSeeItsHitsAndLiftIt() throws Exception {
        running.site().postForm("/posts/1/comments", Map.of("content", "Xem thêm ở trang của tôi"), "X-Forwarded-For", "27.72.1.9");
        long id = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?status=pending",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body()).path("items").get(0).path("id").asLong();
        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(running.site(), "mod");
        HttpResponse<String> item = browser.get("/items/" + id);
        assertThat(item.body()).contains("id=\"block-address\"", "Chặn địa chỉ này", "value=\"27.72.1.9\"");

        HttpResponse<String> blocked = browser.post("/blocks", "_csrf", browser.csrf(), "return", "/items/" + id,
                "submission", String.valueOf(id), "cidr", "27.72.1.9", "reason", "gửi rác", "expiresIn", "30d");
        assertThat(blocked.statusCode()).as(blocked.body()).isEqualTo(303);
        assertThat(browser.follow(blocked).body()).contains("id=\"blocked-notice\"");

        assertThat(running.site().postForm("/posts/1/comments", Map.of("content", "lại là tôi"), "X-Forwarded-For", "27.72.1.9").statusCode())
                .isEqualTo(403);
        HttpResponse<String> list = browser.get("/blocks");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<code>27.72.1.9/32</code>", "gửi rác", "href=\"/school/_schoolguard/items/" + id + "\"")
                .containsPattern("<td class=\"hits\">1");

        String blockId = list.body().replaceAll("(?s).*id=\"block-(\\d+)\".*", "$1");
        HttpResponse<String> lifted = browser.post("/blocks/" + blockId + "/remove", "_csrf", browser.csrf());
        assertThat(lifted.statusCode()).isEqualTo(303);
        assertThat(browser.follow(lifted).body()).contains("id=\"blocks-empty\"", "Đã bỏ mục chặn #" + blockId);
    }

    @Test
    void aBadAddressIsShownWithWhatIsExpectedAndForgedPostsAreRefused() throws Exception {
        ConsolePagesTest.Browser browser = ConsolePagesTest.Browser.signedIn(running.site(), "mod");
        browser.get("/blocks");
        HttpResponse<String> bad = browser.post("/blocks", "_csrf", browser.csrf(), "cidr", "trường học", "reason", "x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("cidr &#39;trường học&#39; is not valid: expected an IPv4 or IPv6 address");
        assertThat(browser.post("/blocks", "_csrf", "forged", "cidr", "198.51.100.7", "reason", "x").statusCode()).isEqualTo(403);

        ConsolePagesTest.Browser investigator = ConsolePagesTest.Browser.signedIn(running.site(), "inv");
        HttpResponse<String> readOnly = investigator.get("/blocks");
        assertThat(readOnly.statusCode()).isEqualTo(200);
        assertThat(readOnly.body()).doesNotContain("id=\"block-form\"");
        assertThat(investigator.post("/blocks", "_csrf", investigator.csrf(), "cidr", "198.51.100.7", "reason", "x").statusCode())
                .isEqualTo(403);
    }
}
