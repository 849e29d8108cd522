package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CommentsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T02:30:00Z");

    private static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.start(TestSite.options(TestSite.DEFAULT_PASSWORD).withGuard(false)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static Map<String, String> comment(String author, String email, String content) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("author", author);
        fields.put("email", email);
        fields.put("content", content);
        return fields;
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void postedCommentAppearsOnTheArticleExactlyOnce() {
        String marker = "ma-" + UUID.randomUUID();

        HttpResponse<String> posted = site.http().postForm("/news/4/comments",
                comment("Trần Thị Bình", "binh@example.com", "Dự án rất hay! " + marker));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValue("/news/4#binh-luan");
        String article = site.http().get("/news/4").body();
        assertThat(occurrences(article, marker)).isEqualTo(1);
        assertThat(article).contains("<strong>Trần Thị Bình</strong>", "Bình luận (1)")
                .doesNotContain("binh@example.com");
        assertThat(site.http().get("/news/3").body()).doesNotContain(marker);
    }

    @Test
    void commentShowsPostingTimeInVietnamTime() {
        site.http().postForm("/news/3/comments", comment("Lê Văn Cường", "", "Chúc mừng năm học mới!"));

        assertThat(site.http().get("/news/3").body())
                .contains("<time datetime=\"2026-11-20T02:30:00Z\">09:30, 20/11/2026</time>")
                .contains("© 2026 Trường THPT Ngô Quyền.");
    }

    @Test
    void commentContentIsRenderedAsHtmlButAuthorIsEscaped() {
        site.http().postForm("/news/5/comments",
                comment("<i>Phụ huynh</i> lớp 10A1", "", "<p>Cảm ơn nhà trường, <b>rất bổ ích</b>.</p>"));

        String article = site.http().get("/news/5").body();
        assertThat(article).contains("<div class=\"content\"><p>Cảm ơn nhà trường, <b>rất bổ ích</b>.</p></div>")
                .contains("<strong>&lt;i&gt;Phụ huynh&lt;/i&gt; lớp 10A1</strong>");
    }

    @Test
    void vietnameseTextRoundTripsThroughFormAndDatabase() {
        String text = "Đề nghị nhà trường công bố điểm sớm – cảm ơn thầy cô! Tiếng Việt: ắ ằ ẳ ẵ ặ ế ề ể ễ ệ ữ ự ỹ ỵ đĐ 😊";

        HttpResponse<String> posted = site.http().postForm("/news/2/comments", comment("Phạm Thị Hường", "", text));

        assertThat(posted.statusCode()).isEqualTo(303);
        String article = site.http().get("/news/2").body();
        assertThat(article).contains("<strong>Phạm Thị Hường</strong>", ">" + text + "</div>");
    }

    @Test
    void emptyFieldsGetTheSitesOwn400WithTheFormAndMessages() {
        HttpResponse<String> response = site.http().postForm("/news/1/comments", comment("   ", "", ""));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(
                "<title>Chưa gửi được: Vui lòng nhập họ và tên. Vui lòng nhập nội dung bình luận. – Thông báo nghỉ Tết",
                SiteText.CHECK_FORM, "Vui lòng nhập họ và tên.",
                "Vui lòng nhập nội dung bình luận.", "action=\"/news/1/comments\"", "aria-invalid=\"true\"",
                "<h1>Thông báo nghỉ Tết Nguyên đán Bính Ngọ 2026</h1>");
        assertThat(site.http().get("/news/1").body()).contains("Chưa có bình luận nào");
    }

    @Test
    void tooLongContentIsRejectedAndTheVisitorsTextIsKeptEscaped() {
        String content = "<b>x</b>" + "a".repeat(5000);

        HttpResponse<String> response = site.http().postForm("/news/1/comments", comment("Nguyễn \"An\"", "", content));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Nội dung bình luận dài quá 5000 ký tự cho phép (hiện có 5008 ký tự).",
                "value=\"Nguyễn &quot;An&quot;\"", "&lt;b&gt;x&lt;/b&gt;aaaa");
        assertThat(site.http().get("/news/1").body()).contains("Chưa có bình luận nào");
    }

    @Test
    void tooLongAuthorCountsCharactersNotBytes() {
        String accepted = "Đ".repeat(100);

        assertThat(site.http().postForm("/news/1/comments", comment("Đ".repeat(101), "", "Nội dung")).statusCode()).isEqualTo(400);
        assertThat(site.http().postForm("/news/2/comments", comment(accepted, "", "Nội dung")).statusCode()).isEqualTo(303);
    }

    @Test
    void malformedEmailIsRejected() {
        HttpResponse<String> response = site.http().postForm("/news/1/comments", comment("An", "khong-phai-email", "Xin chào"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Thư điện tử không đúng định dạng");
    }

    @Test
    void commentOnUnknownArticleGets404AndStoresNothing() {
        HttpResponse<String> response = site.http().postForm("/news/999/comments", comment("An", "", "Xin chào"));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Không tìm thấy trang");
    }
}
