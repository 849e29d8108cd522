package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PagesTest {

    private static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.noGuard();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void homeListsSeededNewsNewestFirstWithDatesAndLinks() {
        HttpResponse<String> home = site.http().get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type.toLowerCase()).contains("text/html").contains("utf-8"));
        String html = home.body();
        assertThat(html).contains("<html lang=\"vi\">", "Trường THPT Ngô Quyền", "Tin tức – Thông báo",
                "<meta name=\"viewport\"", "<link rel=\"stylesheet\" href=\"/static/site.css\">");
        assertThat(html).contains("<a href=\"/news/6\">Lịch thi học kỳ I năm học 2026–2027</a>",
                "<a href=\"/news/2\">Thông báo tuyển sinh vào lớp 10 năm học 2026–2027</a>",
                "<a href=\"/news/1\">Thông báo nghỉ Tết Nguyên đán Bính Ngọ 2026</a>",
                "Tuyên truyền phòng, chống cờ bạc và cá độ bóng đá qua mạng trong học sinh",
                "Ngày hội Khoa học kỹ thuật cấp trường",
                "<time datetime=\"2026-11-16\">16/11/2026</time>");
        assertThat(html.indexOf("/news/6\"")).isLessThan(html.indexOf("/news/5\"")).isLessThan(html.indexOf("/news/1\""));
    }

    @Test
    void everyPageHasNavigationAndFooterWithAddressAndPhone() {
        for (String path : new String[] {"/", "/news/3", "/guestbook", "/khong-co"}) {
            String html = site.http().get(path).body();
            assertThat(html).as(path).contains("aria-label=\"Điều hướng chính\"", "<a href=\"/guestbook\"",
                    "Địa chỉ: Số 12 đường Lạch Tray", "Điện thoại:", "c3ngoquyen@haiphong.edu.vn", "id=\"lien-he\"");
        }
    }

    @Test
    void articleShowsBodyAndCommentFormPostingUtf8() {
        HttpResponse<String> article = site.http().get("/news/6");

        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body()).contains("<h1>Lịch thi học kỳ I năm học 2026–2027</h1>", "<td>Thứ Hai 14/12</td>",
                "Chưa có bình luận nào",
                "<form class=\"post-form comment-form\" method=\"post\" action=\"/news/6/comments\" accept-charset=\"UTF-8\""
                        + " enctype=\"application/x-www-form-urlencoded\">",
                "name=\"author\"", "name=\"email\"", "<textarea id=\"f-content\" name=\"content\"");
    }

    @Test
    void guestbookShowsFormWithNameAndMessage() {
        HttpResponse<String> guestbook = site.http().get("/guestbook");

        assertThat(guestbook.statusCode()).isEqualTo(200);
        assertThat(guestbook.body()).contains("<h1>Sổ lưu bút</h1>", "action=\"/guestbook\" accept-charset=\"UTF-8\"",
                "name=\"name\"", "<textarea id=\"f-message\" name=\"message\"", "Chưa có lời nhắn nào.",
                "aria-current=\"page\">Sổ lưu bút</a>");
    }

    @Test
    void unknownArticleGetsTheSitesOwn404Page() {
        for (String path : new String[] {"/news/999", "/news/abc", "/news/6/", "/news/06", "/news/"}) {
            HttpResponse<String> response = site.http().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("Không tìm thấy trang", "Về trang chủ");
        }
        assertThat(site.http().get("/news/999").body()).contains("Bài viết bạn tìm không tồn tại");
    }

    @Test
    void unknownPathGets404PageInVietnamese() {
        HttpResponse<String> response = site.http().get("/tuyen-sinh.php");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Trang bạn tìm không tồn tại");
    }

    @Test
    void wrongMethodGetsErrorPageWithoutStackTrace() {
        HttpResponse<String> response = site.http().post("/static/site.css", SiteHttp.FORM_TYPE, "a=1");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("Đã có lỗi xảy ra", "mã lỗi 405").doesNotContain("jetty", "at org.");
    }

    @Test
    void stylesheetIsServedWithValidator() {
        HttpResponse<String> css = site.http().get("/static/site.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(css.body()).contains(".site-header", "@media");
        String etag = css.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> again = site.http().send(HttpRequest.newBuilder(site.uri("/static/site.css")).header("If-None-Match", etag));
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(site.http().get("/static/../logback.xml").statusCode()).isEqualTo(404);
        assertThat(site.http().get("/static/logback.xml").statusCode()).isEqualTo(404);
    }

    @Test
    void withoutGuardPagesDoNotPromiseModeration() {
        assertThat(site.http().get("/guestbook").body()).doesNotContain(SiteText.MODERATION_NOTE);
    }
}
