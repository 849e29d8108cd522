package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

/**
 * "Approved" is not "published" over real HTTP: an approval is "sent" until the page decorator sees the approved
 * text in a page the site serves; only visible text of approved submissions counts.
 */
class PublicationTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());
    final String auth = TestSite.basic("mod", TestSite.PASSWORD);

    @Test
    void approvedItemIsSentUntilItsPageIsServedThenPublishedWithThePath() throws Exception {
        Held held = hold("Buổi ngoại khóa hôm qua rất bổ ích cho các con");
        JsonNode approved = approve(held.id);
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(approved.path("publication").path("state").asText()).isEqualTo("sent");
        assertThat(approved.path("publication").path("seenPath").isNull()).isTrue();

        String before = receipt(held);
        assertThat(before).contains("data-status=\"approved\"", "data-publication=\"sent\"", "not seen on a page yet")
                .doesNotContain("published");

        assertThat(running.site().get("/posts/1").body()).contains("Buổi ngoại khóa hôm qua");
        JsonNode seen = awaitState(held.id, "seen");
        assertThat(seen.path("publication").path("seenPath").asText()).isEqualTo("/school/posts/1");
        assertThat(seen.path("publication").path("seenAt").asText()).isNotBlank();
        assertThat(receipt(held)).contains("data-publication=\"seen\"", "Approved and published",
                "<a href=\"/school/posts/1\">/school/posts/1</a>");
        JsonNode history = item(held.id).path("history");
        assertThat(history).extracting(h -> h.path("action").asText()).containsExactly("approve", "seen");
        String console = running.site().get("/_schoolguard/items/" + held.id, "Authorization", auth, "Accept-Language", "en").body();
        assertThat(console).contains("data-publication=\"seen\"", "Published: seen on /school/posts/1");
    }

    @Test
    void approvedItemNotYetOnAnyPageStaysSentNotSeenYet() throws Exception {
        Held shown = hold("Một bình luận khác hẳn được hiển thị");
        running.site().postPages.put("unrelated", "<html><body><p>Thông báo lịch thi học kỳ một</p></body></html>");
        Held held = hold("Con em rất thích cuộc thi vẽ tranh");
        approve(held.id);
        running.site().get("/posts/page/unrelated");
        proveWatchIsDone(shown);
        assertThat(item(held.id).path("publication").path("state").asText()).isEqualTo("sent");
        assertThat(receipt(held)).contains("not seen on a page yet").doesNotContain("published");
        String console = running.site().get("/_schoolguard/items/" + held.id, "Authorization", auth, "Accept-Language", "en").body();
        assertThat(console).contains("data-publication=\"sent\"", "Sent to the site, not seen on a page yet");
    }

    @Test
    void hostileTextInACommentOrAttributeOfAnotherPageDoesNotCount() throws Exception {
        String text = "Nhà trường tổ chức họp phụ huynh vào sáng thứ bảy";
        Held shown = hold("Một bình luận khác hẳn được hiển thị");
        Held held = hold(text);
        running.site().postPages.put("hidden", "<html><head><title>" + text + "</title></head><body><!-- " + text + " -->"
                + "<img alt=\"" + text + "\" title=\"" + text + "\"><script>var t = '" + text + "';</script>"
                + "<form><textarea>" + text + "</textarea><input value=\"" + text + "\"></form></body></html>");
        running.site().appStatus = 303;
        approve(held.id);
        running.site().get("/posts/page/hidden");
        proveWatchIsDone(shown);
        assertThat(item(held.id).path("publication").path("state").asText()).isEqualTo("sent");

        running.site().postPages.put("visible", "<html><body><p>" + text.toUpperCase() + "!</p></body></html>");
        running.site().get("/posts/page/visible");
        assertThat(awaitState(held.id, "seen").path("publication").path("seenPath").asText()).isEqualTo("/school/posts/page/visible");
    }

    @Test
    void regressionPendingItemNeverBecomesSeenEvenWhenItsTextIsOnAPage() throws Exception {
        String text = "Mời các bạn vào xem album ảnh kỷ niệm của lớp 12A";
        Held pending = hold(text);
        Held shown = hold("Một bình luận khác hẳn được hiển thị");
        running.site().postPages.put("copy", "<html><body><p>" + text + "</p></body></html>");
        running.site().get("/posts/page/copy");
        proveWatchIsDone(shown);
        JsonNode item = item(pending.id);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("publication").isNull()).isTrue();
        assertThat(receipt(pending)).contains("data-status=\"pending\"").doesNotContain("published", "data-publication");
    }

    @Test
    void regressionRefusedReplayNeverBecomesSeen() throws Exception {
        String text = "Bình luận bị ứng dụng từ chối vì sai câu hỏi";
        Held refused = hold(text);
        running.site().appAnswer = "form";
        running.site().post("/_schoolguard/api/submissions/" + refused.id + "/approve", "application/json", "{}", "Authorization", auth);
        running.site().appAnswer = "redirect";
        Held shown = hold("Một bình luận khác hẳn được hiển thị");
        running.site().postPages.put("copy", "<html><body><p>" + text + "</p></body></html>");
        running.site().get("/posts/page/copy");
        proveWatchIsDone(shown);
        assertThat(item(refused.id).path("publication").path("state").asText()).isEqualTo("failed");
    }

    @Test
    void regressionAPageEchoingItsOwnQueryDoesNotMakeAnItemSeen() throws Exception {
        String text = "Xin cảm ơn ban giám hiệu đã lắng nghe ý kiến";
        Held held = hold(text);
        Held shown = hold("Một bình luận khác hẳn được hiển thị");
        approve(held.id);
        String echoed = running.site().get("/posts/page/echo?q=" + URLEncoder.encode(text, StandardCharsets.UTF_8)).body();
        assertThat(echoed).contains(text);
        proveWatchIsDone(shown);
        assertThat(item(held.id).path("publication").path("state").asText()).isEqualTo("sent");
    }

    /**
     * The watch works on one thread in order: once a later page makes {@code marker} seen, every earlier page
     * was looked at.
     */
    private void proveWatchIsDone(Held marker) throws Exception {
        approve(marker.id);
        running.site().postPages.put("marker", "<html><body><p>Một bình luận khác hẳn được hiển thị</p></body></html>");
        running.site().get("/posts/page/marker");
        awaitState(marker.id, "seen");
    }

    private JsonNode awaitState(long id, String state) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode item = item(id);
        while (!item.path("publication").path("state").asText().equals(state) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            item = item(id);
        }
        assertThat(item.path("publication").path("state").asText()).as(item.toString()).isEqualTo(state);
        return item;
    }

    record Held(long id, String receipt) {
    }

    private String receipt(Held held) throws Exception {
        return running.site().get("/_schoolguard/receipt/" + held.receipt, "Accept-Language", "en").body();
    }

    private JsonNode item(long id) throws Exception {
        return Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions/" + id, "Authorization", auth).body());
    }

    private JsonNode approve(long id) throws Exception {
        HttpResponse<String> answer = running.site().post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", auth);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }

    private Held hold(String text) throws Exception {
        HttpResponse<String> posted = running.site().postForm("/posts/1/comments", Map.of("author", "Phụ huynh", "content", text),
                "Accept", "application/json");
        assertThat(posted.statusCode()).isEqualTo(202);
        String receipt = Json.MAPPER.readTree(posted.body()).path("receipt").asText();
        JsonNode items = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?limit=1000", "Authorization", auth).body()).path("items");
        for (JsonNode item : items) {
            if (item.path("receipt").asText().equals(receipt)) {
                return new Held(item.path("id").asLong(), receipt);
            }
        }
        throw new AssertionError("held submission not listed");
    }
}
