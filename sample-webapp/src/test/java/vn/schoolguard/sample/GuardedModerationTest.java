package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/**
 * The guarded sample site end to end over real HTTP (issue 2, "Done when"): posts are held, listed with
 * the poster's address, decided through the REST API, and shown on the site only once approved.
 */
class GuardedModerationTest {

    private static final String PASSWORD = "mat-khau-kiem-duyet";

    @Test
    void commentIsHeldUntilApprovedThenShownOnceAndApprovingAgainChangesNothing() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            heldApprovedShownOnce(site);
        }
    }

    /**
     * Issue 2's first "Done when" story on a running guarded site with no submissions yet: held, listed,
     * approved once, shown once, approved again without effect. Returns the approved item's id.
     */
    static long heldApprovedShownOnce(TestSite site) {
        GuardedApi visitor = new GuardedApi(site);
        GuardedApi moderator = visitor.moderator();
        String content = "Cảm ơn thầy cô đã chuẩn bị <b>lịch thi</b> rất rõ ràng.";

        HttpResponse<String> posted = visitor.postComment(6, "Phạm Thu Hà, lớp 12A1", content);

        String receipt = GuardedApi.receiptOf(posted);
        String receiptPage = visitor.page(posted.headers().firstValue("Location").orElseThrow());
        assertThat(receiptPage).contains(receipt, "đang chờ kiểm duyệt", "data-status=\"pending\"");
        assertThat(visitor.article(6)).doesNotContain("Phạm Thu Hà").contains("Chưa có bình luận nào");

        JsonNode held = moderator.pendingWith("lịch thi");
        assertThat(held.path("status").asText()).isEqualTo("pending");
        assertThat(held.path("route").asText()).isEqualTo("comments");
        assertThat(held.path("clientIp").asText()).isEqualTo("127.0.0.1");
        assertThat(held.path("clientPort").asInt()).isBetween(1, 65535);
        assertThat(held.path("fields").path("author").asText()).isEqualTo("Phạm Thu Hà, lớp 12A1");
        assertThat(held.path("fields").path("content").asText()).isEqualTo(content);
        assertThat(held.path("score").isNumber()).isTrue();
        assertThat(held.path("reasons").isArray()).isTrue();
        assertThat(held.path("receipt").asText()).isEqualTo(receipt);

        long id = held.path("id").asLong();
        JsonNode approved = moderator.approve(id);
        assertThat(approved.path("status").asText()).isEqualTo("approved");
        assertThat(approved.path("changed").asBoolean()).isTrue();
        String article = visitor.article(6);
        assertThat(GuardedApi.occurrences(article, "Phạm Thu Hà, lớp 12A1")).isEqualTo(1);
        assertThat(GuardedApi.occurrences(article, "<b>lịch thi</b>")).isEqualTo(1);
        assertThat(article).contains("Bình luận (1)");

        JsonNode again = moderator.approve(id);
        assertThat(again.path("changed").asBoolean()).isFalse();
        assertThat(again.path("result").asText()).isEqualTo("unchanged");
        assertThat(again.path("status").asText()).isEqualTo("approved");
        String afterAgain = visitor.article(6);
        assertThat(GuardedApi.occurrences(afterAgain, "Phạm Thu Hà, lớp 12A1")).isEqualTo(1);
        assertThat(afterAgain).contains("Bình luận (1)");

        assertThat(visitor.receiptPageOnce(receipt, "data-publication=\"seen\""))
                .contains("data-status=\"approved\"", "Đã được phê duyệt và hiển thị", "<a href=\"/news/6\">/news/6</a>");
        assertThat(moderator.submissions("pending").path("total").asLong()).isZero();
        return id;
    }

    @Test
    void receiptSaysSentUntilTheArticleIsViewedThenSeenOnTheArticlePage() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            GuardedApi moderator = visitor.moderator();
            String receipt = GuardedApi.receiptOf(visitor.postComment(4, "Trần Minh Khoa", "Lịch họp phụ huynh rất hợp lý, mã PB-0304"));
            JsonNode approved = moderator.approve(moderator.pendingWith("PB-0304").path("id").asLong());
            assertThat(approved.path("publication").path("state").asText()).isEqualTo("sent");

            String sent = visitor.receiptPage(receipt);
            assertThat(sent).contains("data-status=\"approved\"", "data-publication=\"sent\"", "chưa thấy hiển thị")
                    .doesNotContain("Đã được phê duyệt và hiển thị");

            assertThat(visitor.article(4)).contains("PB-0304");
            String seen = visitor.receiptPageOnce(receipt, "data-publication=\"seen\"");
            assertThat(seen).contains("Đã được phê duyệt và hiển thị", "Đã hiển thị tại", "<a href=\"/news/4\">/news/4</a>");
            JsonNode item = moderator.submissions("approved").path("items").get(0);
            assertThat(item.path("publication").path("state").asText()).isEqualTo("seen");
            assertThat(item.path("publication").path("seenPath").asText()).isEqualTo("/news/4");
        }
    }

    @Test
    void doubtfulCommentIsHeldAsSuspectWithItsScoreAndNamedReasons() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);

            // Anti-gambling wording mentions the words: held and flagged for a person to judge, not filed as spam.
            GuardedApi.receiptOf(visitor.postComment(3, "Khách", "Cảnh báo: không tham gia nhà cái, nổ hũ đổi thưởng là cờ bạc trái phép"));

            JsonNode all = visitor.moderator().submissions(null);
            assertThat(all.path("total").asLong()).isEqualTo(1);
            JsonNode item = all.path("items").get(0);
            assertThat(item.path("status").asText()).isEqualTo("pending");
            assertThat(item.path("verdict").asText()).isEqualTo("suspect");
            assertThat(item.path("score").asDouble()).isPositive();
            assertThat(item.path("reasons").size()).isPositive();
            assertThat(item.path("reasons").toString()).contains("gambling.").contains("awareness");
            assertThat(visitor.article(3)).doesNotContain("không tham gia nhà cái");
        }
    }

    @Test
    void rejectedAndSpamCommentsNeverAppearEvenAfterLaterApprovals() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            GuardedApi moderator = visitor.moderator();
            visitor.postComment(5, "Người gửi A", "Bình luận lạc đề, mã TC-0417");
            visitor.postComment(5, "Người gửi B", "Bình luận rao vặt, mã SP-0923");
            visitor.postComment(5, "Người gửi C", "Bình luận thứ nhất, mã DA-0001");
            visitor.postComment(5, "Người gửi D", "Bình luận thứ hai, mã DA-0002");

            JsonNode rejected = moderator.reject(moderator.pendingWith("TC-0417").path("id").asLong(), "Lạc đề, không liên quan bài viết");
            JsonNode spam = moderator.spam(moderator.pendingWith("SP-0923").path("id").asLong());
            assertThat(rejected.path("status").asText()).isEqualTo("rejected");
            assertThat(rejected.path("decisionReason").asText()).isEqualTo("Lạc đề, không liên quan bài viết");
            assertThat(spam.path("status").asText()).isEqualTo("spam");
            assertThat(visitor.article(5)).doesNotContain("Người gửi A", "Người gửi B");

            moderator.approve(moderator.pendingWith("DA-0001").path("id").asLong());
            moderator.approve(moderator.pendingWith("DA-0002").path("id").asLong());

            String article = visitor.article(5);
            assertThat(article).contains("Người gửi C", "Người gửi D", "Bình luận (2)")
                    .doesNotContain("Người gửi A", "Người gửi B", "TC-0417", "SP-0923");
            assertThat(moderator.submissions("rejected").path("total").asLong()).isEqualTo(1);
            assertThat(moderator.submissions("spam").path("total").asLong()).isEqualTo(1);
            assertThat(moderator.submissions("approved").path("total").asLong()).isEqualTo(2);
            assertThat(visitor.receiptPage(rejected.path("receipt").asText())).contains("data-status=\"rejected\"");
            // The poster is not told that the moderator called it spam.
            assertThat(visitor.receiptPage(spam.path("receipt").asText())).contains("data-status=\"rejected\"");
        }
    }

    @Test
    void guestbookEntryIsHeldThenApprovedAndShownWithItsHtmlEscaped() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            GuardedApi moderator = visitor.moderator();

            GuardedApi.receiptOf(visitor.postGuestbook("Cựu học sinh <i>khoá 2010</i>",
                    "Nhớ trường! <b>in đậm</b> <img src=x onerror=alert(1)>"));

            assertThat(visitor.page("/guestbook")).doesNotContain("Nhớ trường!").contains("Chưa có lời nhắn nào.");
            JsonNode held = moderator.pendingWith("Nhớ trường!");
            assertThat(held.path("route").asText()).isEqualTo("guestbook");
            assertThat(moderator.approve(held.path("id").asLong()).path("status").asText()).isEqualTo("approved");

            String guestbook = visitor.page("/guestbook");
            assertThat(GuardedApi.occurrences(guestbook, "Nhớ trường!")).isEqualTo(1);
            assertThat(guestbook).contains("Cựu học sinh &lt;i&gt;khoá 2010&lt;/i&gt;", "&lt;b&gt;in đậm&lt;/b&gt;")
                    .doesNotContain("<b>in đậm</b>", "<img src=x", "<i>khoá 2010</i>");
        }
    }

    @Test
    void approvedCommentIsShownSanitizedWithoutScriptOrEventHandlers() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            GuardedApi moderator = visitor.moderator();

            visitor.postComment(4, "Kẻ tấn công", GuardedConsoleBrowserTest.HOSTILE_COMMENT);
            moderator.approve(moderator.pendingWith("Xin chào").path("id").asLong());

            String article = visitor.article(4);
            String comment = article.substring(article.indexOf("<li class=\"comment\""), article.indexOf("</li>", article.indexOf("<li class=\"comment\"")));
            assertThat(comment).contains("Xin chào", "<b>các bạn</b>")
                    .doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("javascript:").doesNotContain("window.__pwned");
        }
    }

    @Test
    void apiAnswers401WithoutOrWithWrongCredentialsAnd403ForTheWrongRole() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            visitor.postComment(2, "Lê Văn Nam", "Câu hỏi về học bổng khuyến học");
            long id = visitor.moderator().pendingWith("học bổng").path("id").asLong();

            HttpResponse<String> anonymous = site.http().get(GuardedApi.SUBMISSIONS + "?status=pending");
            HttpResponse<String> wrongPassword = site.http().withBasicAuth("moderator", "sai-mat-khau-roi")
                    .get(GuardedApi.SUBMISSIONS + "?status=pending");
            HttpResponse<String> investigatorApproves = visitor.investigator().decide(id, "approve", null);
            HttpResponse<String> moderatorReadsIpLog = visitor.moderator().http().get(GuardedApi.IPLOG + "?ip=127.0.0.1");

            assertThat(anonymous.statusCode()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
            assertThat(wrongPassword.statusCode()).isEqualTo(401);
            assertThat(investigatorApproves.statusCode()).isEqualTo(403);
            assertThat(investigatorApproves.body()).contains("moderator");
            assertThat(moderatorReadsIpLog.statusCode()).isEqualTo(403);
            assertThat(moderatorReadsIpLog.body()).contains("investigator");
            assertThat(visitor.moderator().pendingWith("học bổng").path("status").asText()).isEqualTo("pending");
            assertThat(visitor.article(2)).doesNotContain("Lê Văn Nam");
        }
    }

    @Test
    void investigatorFindsTheCommentInTheIpLogByThePostersIp() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);
            String receipt = GuardedApi.receiptOf(visitor.postComment(1, "Ngô Bảo Châu", "Đề nghị nhà trường mở thêm câu lạc bộ toán"));
            JsonNode held = visitor.moderator().pendingWith("câu lạc bộ toán");

            JsonNode found = visitor.investigator().ipLogByIp("127.0.0.1");

            List<JsonNode> entries = new ArrayList<>();
            found.path("items").forEach(entry -> {
                if (entry.path("submission_id").asLong() == held.path("id").asLong()) {
                    entries.add(entry);
                }
            });
            assertThat(entries).hasSize(1);
            JsonNode entry = entries.get(0);
            assertThat(entry.path("client_ip").asText()).isEqualTo("127.0.0.1");
            assertThat(entry.path("client_port").asInt()).isEqualTo(held.path("clientPort").asInt());
            assertThat(entry.path("route").asText()).isEqualTo("comments");
            assertThat(entry.path("path").asText()).isEqualTo("/news/1/comments");
            assertThat(entry.path("receipt").asText()).isEqualTo(receipt);
            assertThat(entry.path("outcome").asText()).isEqualTo("held");
            assertThat(visitor.investigator().ipLogByIp("203.113.131.1").path("total").asLong()).isZero();
        }
    }

    @Test
    void trustedProxyForwardedAddressIsThePostersAddress() {
        try (TestSite site = TestSite.start(TestSite.options(PASSWORD).withTrustedProxies("127.0.0.1"))) {
            GuardedApi visitor = new GuardedApi(site);

            GuardedApi.receiptOf(postThroughProxy(site, "Tin nhắn qua máy chủ trung gian"));

            JsonNode held = visitor.moderator().pendingWith("máy chủ trung gian");
            assertThat(held.path("clientIp").asText()).isEqualTo("113.161.72.5");
            assertThat(held.path("peerIp").asText()).isEqualTo("127.0.0.1");
            JsonNode logged = visitor.investigator().ipLogByIp("113.161.72.5");
            assertThat(logged.path("total").asLong()).isEqualTo(1);
            assertThat(logged.path("items").get(0).path("submission_id").asLong()).isEqualTo(held.path("id").asLong());
        }
    }

    @Test
    void forwardedHeaderFromAnUntrustedPeerIsIgnored() {
        try (TestSite site = TestSite.guarded(PASSWORD)) {
            GuardedApi visitor = new GuardedApi(site);

            GuardedApi.receiptOf(postThroughProxy(site, "Địa chỉ giả mạo không được tin"));

            JsonNode held = visitor.moderator().pendingWith("giả mạo");
            assertThat(held.path("clientIp").asText()).isEqualTo("127.0.0.1");
            assertThat(visitor.investigator().ipLogByIp("113.161.72.5").path("total").asLong()).isZero();
        }
    }

    private static HttpResponse<String> postThroughProxy(TestSite site, String content) {
        String body = SiteHttp.form(Map.of("author", "Khách qua proxy", "email", "", "content", content));
        return site.http().send(HttpRequest.newBuilder(site.uri("/news/6/comments"))
                .header("Content-Type", SiteHttp.FORM_TYPE)
                .header("X-Forwarded-For", "113.161.72.5")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
