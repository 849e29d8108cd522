package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.RunningSite;
import vn.schoolguard.testing.TestSite;

class ConsolePagesTest {

    @RegisterExtension
    final RunningSite running = RunningSite.with(Map.of());

    @Test
    void signInShowsTheQueueAndSignOutEndsTheSession() throws Exception {
        Browser browser = new Browser(running.site());
        HttpResponse<String> anonymous = browser.get("/queue");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/school/_schoolguard/login");

        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"username\"", "type=\"password\"", "Đăng nhập");

        HttpResponse<String> signedIn = browser.post("/login", "username", "mod", "password", TestSite.PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("SG_SESSION=").contains("HttpOnly", "SameSite=Strict", "Path=/school/_schoolguard"));
        HttpResponse<String> queue = browser.get("/queue");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Hàng chờ kiểm duyệt", "id=\"who-name\">mod<", "kiểm duyệt viên");

        HttpResponse<String> noToken = browser.client.send(HttpRequest.newBuilder(URI.create(browser.url("/logout")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);

        HttpResponse<String> out = browser.post("/logout", "_csrf", browser.csrf());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.headers().firstValue("Location")).hasValue("/school/_schoolguard/login?done=signed-out");
        assertThat(browser.follow(out).body()).contains("Bạn đã đăng xuất.");
        assertThat(browser.get("/queue").statusCode()).isEqualTo(303);
    }

    @Test
    void wrongPasswordGives401PageAndRepeatedFailuresGive429WithRetryAfter() throws Exception {
        Browser browser = new Browser(running.site());
        HttpResponse<String> wrong = browser.post("/login", "username", "mod", "password", "not-the-password");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("Sai tên đăng nhập hoặc mật khẩu.", "value=\"mod\"")
                .doesNotContain("not-the-password");
        for (int i = 0; i < 4; i++) {
            browser.post("/login", "username", "mod", "password", "wrong-" + i);
        }
        HttpResponse<String> locked = browser.post("/login", "username", "mod", "password", TestSite.PASSWORD);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        assertThat(locked.body()).contains("Đăng nhập sai quá nhiều lần");
    }

    @Test
    void moderatorApprovesFromTheQueueFormAndTheAppStoresItOnce() throws Exception {
        long id = postComment("Nguyễn Văn An", "<b>Chúc mừng</b> các em!");
        Browser browser = Browser.signedIn(running.site(), "mod");
        String queue = browser.get("/queue").body();
        assertThat(queue).contains("id=\"item-" + id + "\"", "Nguyễn Văn An", "Chúc mừng các em!",
                "formaction=\"/school/_schoolguard/items/" + id + "/approve\"");
        assertThat(queue).containsPattern("127\\.0\\.0\\.1:\\d+");
        assertThat(queue).containsPattern("\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");

        HttpResponse<String> approved = browser.post("/items/" + id + "/approve", "_csrf", browser.csrf(),
                "return", "/queue?status=pending");
        assertThat(approved.statusCode()).isEqualTo(303);
        assertThat(approved.headers().firstValue("Location"))
                .hasValue("/school/_schoolguard/queue?status=pending&done=approved&id=" + id);
        assertThat(browser.follow(approved).body()).contains("Đã duyệt nội dung #" + id + " và gửi tới trang web")
                .doesNotContain("id=\"item-" + id + "\"");
        assertThat(running.site().stored).hasSize(1);
        assertThat(running.site().stored.get(0).parameters().get("content")).containsExactly("<b>Chúc mừng</b> các em!");

        HttpResponse<String> again = browser.post("/items/" + id + "/approve", "_csrf", browser.csrf());
        assertThat(again.headers().firstValue("Location")).hasValue("/school/_schoolguard/items/" + id + "?done=unchanged&id=" + id);
        assertThat(running.site().stored).hasSize(1);
    }

    @Test
    void missingOrWrongCsrfTokenGives403AndNothingChanges() throws Exception {
        long id = postComment("An", "Xin chào");
        Browser browser = Browser.signedIn(running.site(), "mod");
        HttpResponse<String> missing = browser.post("/items/" + id + "/approve", "return", "/queue");
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(missing.body()).contains("Chưa có gì thay đổi.");
        HttpResponse<String> wrong = browser.post("/items/" + id + "/reject", "_csrf", "forged", "reason", "x");
        assertThat(wrong.statusCode()).isEqualTo(403);
        HttpResponse<String> bulk = browser.post("/items/bulk", "action", "spam", "ids", String.valueOf(id));
        assertThat(bulk.statusCode()).isEqualTo(403);
        HttpResponse<String> crossSite = browser.post("/items/" + id + "/approve", "_csrf", browser.csrf(), "!Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(running.site().stored).isEmpty();
        assertThat(apiStatus(id)).isEqualTo("pending");
        assertThat(browser.get("/history").body()).contains("Chưa có quyết định nào.");
    }

    @Test
    void rejectWithReasonShowsWhoWhenAndWhyInTheHistory() throws Exception {
        long id = postComment("Khách", "Mua hàng giá rẻ tại đây");
        Browser browser = Browser.signedIn(running.site(), "mod");
        HttpResponse<String> rejected = browser.post("/items/" + id + "/reject", "_csrf", browser.csrf(),
                "reason", "Quảng cáo <không liên quan>");
        assertThat(rejected.headers().firstValue("Location")).hasValue("/school/_schoolguard/items/" + id + "?done=rejected&id=" + id);
        assertThat(apiStatus(id)).isEqualTo("rejected");

        String history = browser.get("/history").body();
        assertThat(history).contains("<strong class=\"actor\">mod</strong>", "đã từ chối",
                "Quảng cáo &lt;không liên quan&gt;", "href=\"/school/_schoolguard/items/" + id + "\"");
        assertThat(history).containsPattern("\\d{2}:\\d{2}:\\d{2} \\d{2}/\\d{2}/\\d{4}");
        assertThat(history).doesNotContain("<form method=\"post\" action=\"/school/_schoolguard/history");
        String item = browser.get("/items/" + id).body();
        assertThat(item).contains("id=\"item-status\" data-status=\"rejected\"", "Quảng cáo &lt;không liên quan&gt;");
        assertThat(browser.post("/history", "_csrf", browser.csrf()).statusCode()).isEqualTo(405);
    }

    @Test
    void editThenApproveSendsTheEditedSanitizedTextToTheApp() throws Exception {
        long id = postComment("Bình", "Gọi 0912345678 để nhận quà");
        Browser browser = Browser.signedIn(running.site(), "mod");
        String item = browser.get("/items/" + id).body();
        assertThat(item).contains("name=\"f.content\"", "Gọi 0912345678 để nhận quà");
        HttpResponse<String> edited = browser.post("/items/" + id + "/edit", "_csrf", browser.csrf(),
                "f.author", "Bình", "f.email", "", "f.content", "<i>Chúc mừng</i> nhà trường<script>steal()</script>");
        assertThat(edited.statusCode()).isEqualTo(303);
        assertThat(edited.headers().firstValue("Location").orElseThrow()).contains("done=edited");
        assertThat(running.site().stored).hasSize(1);
        assertThat(running.site().stored.get(0).parameters().get("content")).containsExactly("<i>Chúc mừng</i> nhà trường");
        assertThat(browser.get("/items/" + id).body()).contains("đã sửa và duyệt", "0912345678");
    }

    @Test
    void bulkApproveOfThreeStoresAllThree() throws Exception {
        long a = postComment("A", "một");
        long b = postComment("B", "hai");
        long c = postComment("C", "ba");
        long untouched = postComment("D", "bốn");
        Browser browser = Browser.signedIn(running.site(), "mod");
        HttpResponse<String> bulk = browser.post("/items/bulk", "_csrf", browser.csrf(), "return", "/queue",
                "action", "approve", "reason", "", "ids", String.valueOf(a), "ids", String.valueOf(b), "ids", String.valueOf(c));
        assertThat(bulk.statusCode()).isEqualTo(303);
        assertThat(bulk.headers().firstValue("Location")).hasValue("/school/_schoolguard/queue?done=bulk-approve&n=3&failed=0");
        assertThat(browser.follow(bulk).body()).contains("Đã duyệt 3 nội dung.");
        assertThat(running.site().stored).hasSize(3);
        assertThat(running.site().stored.stream().map(s -> s.parameters().get("content")[0])).containsExactlyInAnyOrder("một", "hai", "ba");
        assertThat(apiStatus(untouched)).isEqualTo("pending");

        HttpResponse<String> none = browser.post("/items/bulk", "_csrf", browser.csrf(), "action", "spam");
        assertThat(none.headers().firstValue("Location")).hasValue("/school/_schoolguard/queue?done=none-selected");
    }

    @Test
    void investigatorSeesTheQueueButGets403OnApprove() throws Exception {
        long id = postComment("An", "Câu hỏi về học phí");
        Browser browser = Browser.signedIn(running.site(), "inv");
        String queue = browser.get("/queue").body();
        assertThat(queue).contains("id=\"item-" + id + "\"", "Câu hỏi về học phí").doesNotContain("data-action=\"approve\"",
                "name=\"ids\"");
        String item = browser.get("/items/" + id).body();
        assertThat(item).contains("id=\"raw\"").doesNotContain("/items/" + id + "/approve", "name=\"f.content\"");
        HttpResponse<String> approve = browser.post("/items/" + id + "/approve", "_csrf", browser.csrf());
        assertThat(approve.statusCode()).isEqualTo(403);
        assertThat(approve.body()).contains("Chỉ kiểm duyệt viên");
        assertThat(browser.get("/accounts").statusCode()).isEqualTo(403);
        assertThat(running.site().stored).isEmpty();
        assertThat(apiStatus(id)).isEqualTo("pending");
    }

    @Test
    void queuePagesAndFiltersByTextDateAndStatus() throws Exception {
        for (int i = 1; i <= 7; i++) {
            postComment("Người " + i, i == 4 ? "Nội dung đặc biệt số " + i : "Bình luận số " + i);
        }
        Browser browser = Browser.signedIn(running.site(), "mod");
        String first = browser.get("/queue?size=5").body();
        assertThat(items(first)).hasSize(5);
        assertThat(first).contains("Hiển thị 1–5 trên tổng số 7", "Trang 1/2", "rel=\"next\"")
                .contains("data-status=\"pending\" aria-current=\"page\">Chờ duyệt <span class=\"count\">7</span>");
        String second = browser.get("/queue?size=5&page=2").body();
        assertThat(items(second)).hasSize(2);
        assertThat(second).contains("Hiển thị 6–7 trên tổng số 7", "rel=\"prev\"");
        List<Long> all = new ArrayList<>(items(first));
        all.addAll(items(second));
        assertThat(all).isSorted().doesNotHaveDuplicates();

        assertThat(items(browser.get("/queue?q=" + enc("ĐẶC BIỆT")).body())).hasSize(1);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(items(browser.get("/queue?from=" + today + "&to=" + today).body())).hasSize(7);
        assertThat(items(browser.get("/queue?from=" + today.plusDays(1)).body())).isEmpty();
        assertThat(items(browser.get("/queue?route=comments&ip=127.0.0.1").body())).hasSize(7);
        assertThat(items(browser.get("/queue?route=other").body())).isEmpty();
        assertThat(items(browser.get("/queue?status=approved").body())).isEmpty();
        String bad = browser.get("/queue?from=25/11/2026").body();
        assertThat(bad).contains("Bộ lọc “Từ ngày” có giá trị “25/11/2026” không phải là ngày");
        assertThat(items(bad)).hasSize(7);
    }

    @Test
    void detailShowsTheSanitizedPreviewAndTheRawSubmissionEscaped() throws Exception {
        long id = postComment("<em>Hacker</em>", "<b>Chào</b> <a href=\"javascript:alert(1)\">bấm</a><script>alert(2)</script>");
        Browser browser = Browser.signedIn(running.site(), "mod");
        String item = browser.get("/items/" + id).body();
        assertThat(item).contains("<div class=\"preview-html\"><b>Chào</b>");
        assertThat(item).doesNotContain("<script>alert", "href=\"javascript:", "<em>Hacker</em>");
        assertThat(item).contains("&lt;script&gt;alert(2)&lt;/script&gt;", "&lt;em&gt;Hacker&lt;/em&gt;");
        assertThat(item).contains("id=\"receipt\">", "Đã loại bỏ khi làm sạch", "script");
        assertThat(item).containsPattern("id=\"client\">127\\.0\\.0\\.1:\\d+<");
        assertThat(browser.get("/items/999999").statusCode()).isEqualTo(404);
    }

    @Test
    void languageSwitchSetsTheCookieAndNeverRedirectsAway() throws Exception {
        Browser browser = Browser.signedIn(running.site(), "mod");
        HttpResponse<String> switched = browser.get("/lang?to=en&return=" + enc("/queue?status=spam&done=approved"));
        assertThat(switched.statusCode()).isEqualTo(303);
        assertThat(switched.headers().firstValue("Location")).hasValue("/school/_schoolguard/queue?status=spam");
        assertThat(switched.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("sg_lang=en;");
        assertThat(browser.follow(switched).body()).contains("<html lang=\"en\">", "Moderation queue", "Tiếng Việt");
        HttpResponse<String> away = browser.get("/lang?to=vi&return=" + enc("//evil.example/x"));
        assertThat(away.headers().firstValue("Location")).hasValue("/school/_schoolguard/queue");
        HttpResponse<String> css = browser.get("/assets/console.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    }

    // ------------------------------------------------------------------ helpers

    private long postComment(String author, String content) throws Exception {
        HttpResponse<String> posted = running.site().postForm("/posts/3/comments", Map.of("author", author, "email", "", "content", content));
        assertThat(posted.statusCode()).isEqualTo(303);
        String receipt = posted.headers().firstValue("Location").orElseThrow().replaceAll(".*/receipt/([^?]+).*", "$1");
        JsonNode list = Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions?limit=1000",
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body());
        for (JsonNode item : list.path("items")) {
            if (item.path("receipt").asText().equals(receipt)) {
                return item.path("id").asLong();
            }
        }
        throw new AssertionError("submission with receipt " + receipt + " not found");
    }

    private String apiStatus(long id) throws Exception {
        return Json.MAPPER.readTree(running.site().get("/_schoolguard/api/submissions/" + id,
                "Authorization", TestSite.basic("mod", TestSite.PASSWORD)).body()).path("status").asText();
    }

    private static List<Long> items(String html) {
        Matcher m = Pattern.compile("<li class=\"item [^\"]*\" id=\"item-(\\d+)\"").matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A browser's view of the console: cookies kept, redirects not followed, the CSRF token read from pages. */
    static final class Browser {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        private final TestSite site;
        private String lastPage = "";

        Browser(TestSite site) {
            this.site = site;
        }

        static Browser signedIn(TestSite site, String user) throws Exception {
            return signedIn(site, user, TestSite.PASSWORD);
        }

        static Browser signedIn(TestSite site, String user, String password) throws Exception {
            Browser browser = new Browser(site);
            HttpResponse<String> login = browser.post("/login", "username", user, "password", password);
            assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
            browser.get("/queue");
            return browser;
        }

        String url(String path) {
            return site.base() + "/_schoolguard" + path;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return remember(client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        /** Posts a form; pairs of name and value, where a name starting with {@code !} is a header instead. */
        HttpResponse<String> post(String path, String... pairs) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < pairs.length; i += 2) {
                if (pairs[i].startsWith("!")) {
                    request.header(pairs[i].substring(1), pairs[i + 1]);
                } else {
                    fields.add(enc(pairs[i]) + "=" + enc(pairs[i + 1]));
                }
            }
            String body = fields.stream().collect(Collectors.joining("&"));
            return remember(client.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
            String location = redirect.headers().firstValue("Location").orElseThrow();
            return remember(client.send(HttpRequest.newBuilder(URI.create(site.base().replaceAll("/school$", "") + location))
                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        }

        /** The CSRF token of the last page that had one. */
        String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(lastPage);
            if (!m.find()) {
                throw new AssertionError("no CSRF token on the last page");
            }
            return m.group(1);
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            if (response.body().contains("name=\"_csrf\" value=\"") && !response.body().contains("name=\"_csrf\" value=\"\"")) {
                lastPage = response.body();
            }
            return response;
        }
    }
}
