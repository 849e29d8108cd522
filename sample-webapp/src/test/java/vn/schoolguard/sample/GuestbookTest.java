package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class GuestbookTest {

    private static Map<String, String> entry(String name, String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("message", message);
        return fields;
    }

    @Test
    void entriesAppearNewestFirstWithNameAndMessageEscaped() {
        try (TestSite site = TestSite.noGuard()) {
            HttpResponse<String> first = site.http().postForm("/guestbook", entry("Cựu học sinh khóa 2009–2012", "Nhớ thầy cô nhiều!"));
            site.http().postForm("/guestbook", entry("<b>Khách</b>", "<script>alert('x')</script>\nDòng thứ hai"));

            assertThat(first.statusCode()).isEqualTo(303);
            assertThat(first.headers().firstValue("Location")).hasValue("/guestbook");
            String html = site.http().get("/guestbook").body();
            assertThat(html).contains("<strong>&lt;b&gt;Khách&lt;/b&gt;</strong>",
                    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;\nDòng thứ hai").doesNotContain("<script>");
            assertThat(html.indexOf("Khách")).isLessThan(html.indexOf("Nhớ thầy cô nhiều!"));
        }
    }

    @Test
    void emptyOrTooLongEntryGetsThe400FormAndIsNotStored() {
        try (TestSite site = TestSite.noGuard()) {
            HttpResponse<String> empty = site.http().postForm("/guestbook", entry("An", " "));
            HttpResponse<String> tooLong = site.http().postForm("/guestbook", entry("An", "ư".repeat(2001)));
            HttpResponse<String> missing = site.http().postForm("/guestbook", Map.of());

            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(empty.body()).contains("<title>Chưa gửi được: Vui lòng nhập lời nhắn. – Sổ lưu bút", "value=\"An\"");
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(tooLong.body()).contains("Lời nhắn dài quá 2000 ký tự cho phép (hiện có 2001 ký tự).");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("Vui lòng nhập họ và tên.", "Vui lòng nhập lời nhắn.");
            assertThat(site.http().get("/guestbook").body()).contains("Chưa có lời nhắn nào.");
        }
    }

    @Test
    void entriesSurviveARestartOnTheSameDataDirectory() throws Exception {
        SiteOptions options = TestSite.options(TestSite.DEFAULT_PASSWORD).withGuard(false);
        try (SampleSite first = SampleSite.start(options)) {
            new SiteHttp(first.baseUri()).postForm("/guestbook", entry("Bảo", "Lời nhắn còn lại sau khi khởi động lại"));
        }
        try (TestSite second = TestSite.start(options)) {
            String html = second.http().get("/guestbook").body();
            assertThat(html).contains("Lời nhắn còn lại sau khi khởi động lại");
            // Seeding runs once: the news list is not doubled by a restart.
            assertThat(second.http().get("/").body().split("class=\"news-item\"", -1)).hasSize(SeedArticles.ALL.size() + 1);
            assertThat(second.dataDir().resolve("site.mv.db")).exists();
        }
    }
}
