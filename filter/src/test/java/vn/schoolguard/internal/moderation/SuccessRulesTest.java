package vn.schoolguard.internal.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** Per-route success rules over real HTTP: an application that answers but does not store is a failed replay. */
class SuccessRulesTest {

    @TempDir
    Path dataDir;

    TestSite site;
    final String auth = TestSite.basic("mod", TestSite.PASSWORD);

    @AfterEach
    void stop() throws Exception {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void approveWhenAppReshowsFormAt200ThenItemStaysPendingWithTheAppsError() throws Exception {
        site = new TestSite(dataDir, Map.of());
        site.appAnswer = "form";
        Held held = hold("Câu trả lời toán học bị mất");
        JsonNode item = approve(held.id, 502);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayStatus").asInt()).isEqualTo(200);
        assertThat(item.path("replayError").asText()).contains("200", "form again", "Sai đáp án câu hỏi kiểm tra");
        assertThat(item.path("publication").path("state").asText()).isEqualTo("failed");
        assertThat(site.stored).isEmpty();
        String receipt = site.get("/_schoolguard/receipt/" + held.receipt).body();
        assertThat(receipt).contains("data-status=\"pending\"").doesNotContain("published", "data-status=\"approved\"");

        site.appAnswer = "redirect";
        JsonNode retried = approve(held.id, 200);
        assertThat(retried.path("status").asText()).isEqualTo("approved");
        assertThat(site.stored).hasSize(1);
    }

    @Test
    void aPageShowingTheCommentOutsideAFormIsAccepted() throws Exception {
        site = new TestSite(dataDir, Map.of());
        site.appAnswer = "page";
        Held held = hold("Cảm ơn thầy cô đã tổ chức buổi học");
        assertThat(approve(held.id, 200).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void successRedirectMismatchIsAFailure() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.success-redirect", "/school/posts/[0-9]+"));
        site.appAnswer = "error-redirect";
        Held held = hold("Địa chỉ thư gõ nhầm");
        JsonNode item = approve(held.id, 502);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayError").asText()).contains("/school/posts/1?error=email", "success-redirect");

        site.appAnswer = "redirect";
        assertThat(approve(held.id, 200).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void successRedirectRequiresARedirect() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.success-redirect", "/school/posts/[0-9]+"));
        site.appAnswer = "page";
        JsonNode item = approve(hold("Trang trả lời 200").id, 502);
        assertThat(item.path("replayError").asText()).contains("without the redirect");
    }

    @Test
    void failureTextMatchIsAFailure() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.failure-text", "mã xác nhận|SAI ĐÁP ÁN"));
        site.appAnswer = "form";
        JsonNode item = approve(hold("Bài có lỗi xác nhận").id, 502);
        assertThat(item.path("replayError").asText()).contains("failure-text", "sai đáp án", "Sai đáp án câu hỏi kiểm tra");
    }

    @Test
    void successTextMissingIsAFailure() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.success-text", "Cảm ơn bạn đã gửi"));
        site.appAnswer = "page";
        JsonNode item = approve(hold("Không có lời cảm ơn").id, 502);
        assertThat(item.path("replayError").asText()).contains("success-text", "cảm ơn bạn đã gửi");
    }

    @Test
    void statusOutsideSuccessStatusIsAFailure() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.success-status", "200-299, 303"));
        JsonNode item = approve(hold("Chuyển hướng 302").id, 502);
        assertThat(item.path("replayStatus").asInt()).isEqualTo(302);
        assertThat(item.path("replayError").asText()).startsWith("the application answered 302");
    }

    @Test
    void appAnswering400IsAFailureWithItsMessage() throws Exception {
        site = new TestSite(dataDir, Map.of());
        site.appStatus = 400;
        JsonNode item = approve(hold("Bị từ chối 400").id, 502);
        assertThat(item.path("replayError").asText()).isEqualTo("the application answered 400: the application refused it");
    }

    /** A site rule that answers every plain-HTTP request under /posts with a redirect, as HTTPS-forcing and login filters do. */
    private static Consumer<ServletContextHandler> redirectingPosts(int status, Function<HttpServletRequest, String> location) {
        return context -> context.addFilter(new FilterHolder((Filter) (req, res, chain) -> {
            HttpServletRequest request = (HttpServletRequest) req;
            if (!request.isSecure() && request.getMethod().equals("POST")) {
                HttpServletResponse response = (HttpServletResponse) res;
                response.setStatus(status);
                response.setHeader("Location", location.apply(request));
                return;
            }
            chain.doFilter(req, res);
        }), "/posts/*", EnumSet.of(DispatcherType.REQUEST));
    }

    @Test
    void regressionSiteForcingHttpsAnswersTheLoopbackReplayWithARedirectToTheSamePathAndItIsNotStored() throws Exception {
        site = new TestSite(dataDir, Map.of(), redirectingPosts(302,
                r -> "https://" + r.getServerName() + r.getRequestURI()));
        Held held = hold("Trang bắt buộc HTTPS");
        JsonNode item = approve(held.id, 502);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayStatus").asInt()).isEqualTo(302);
        assertThat(item.path("replayError").asText()).contains("https://127.0.0.1/school/posts/1/comments",
                "forces HTTPS", "replay.base-url");
        assertThat(item.path("publication").path("state").asText()).isEqualTo("failed");
        assertThat(site.stored).isEmpty();
    }

    @Test
    void regressionRedirectOfTheReplayToALoginPageIsNotStored() throws Exception {
        site = new TestSite(dataDir, Map.of(), redirectingPosts(302,
                r -> r.getContextPath() + "/dang-nhap?next=" + r.getRequestURI()));
        JsonNode item = approve(hold("Cần đăng nhập").id, 502);
        assertThat(item.path("status").asText()).isEqualTo("pending");
        assertThat(item.path("replayError").asText()).contains("/school/dang-nhap", "login page");
    }

    @Test
    void regressionRedirectBackToThePostedPathWith307IsNotStored() throws Exception {
        site = new TestSite(dataDir, Map.of(), redirectingPosts(307, HttpServletRequest::getRequestURI));
        JsonNode item = approve(hold("Gửi lại chỗ cũ").id, 502);
        assertThat(item.path("replayError").asText()).contains("307", "back to the address it was posted to");
    }

    @Test
    void aSuccessRedirectRuleDecidesInsteadOfTheBuiltInRedirectChecks() throws Exception {
        site = new TestSite(dataDir, Map.of("route.comments.success-redirect", "/school/dang-nhap.*"),
                redirectingPosts(302, r -> r.getContextPath() + "/dang-nhap?next=" + r.getRequestURI()));
        assertThat(approve(hold("Trang đăng nhập là trang cảm ơn").id, 200).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void postRedirectGetBackToTheSamePathCountsAsStored() throws Exception {
        site = new TestSite(dataDir, Map.of("route.guestbook.match", "POST /guestbook"), context ->
                context.addServlet(new ServletHolder(new HttpServlet() {
                    @Override
                    protected void doPost(HttpServletRequest req, HttpServletResponse res) {
                        res.setStatus(303);
                        res.setHeader("Location", req.getContextPath() + "/guestbook");
                    }
                }), "/guestbook"));
        HttpResponse<String> posted = site.postForm("/guestbook", Map.of("message", "Lưu bút của phụ huynh"),
                "Accept", "application/json");
        assertThat(posted.statusCode()).isEqualTo(202);
        long id = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?status=pending", "Authorization", auth).body())
                .path("items").get(0).path("id").asLong();
        assertThat(approve(id, 200).path("status").asText()).isEqualTo("approved");
    }

    @Test
    void redirectChecksJudgeTheLocationAgainstWhereTheReplayWasPosted() {
        URI posted = URI.create("http://127.0.0.1:8080/school/news/1/comments");
        assertThat(SuccessRules.refusingRedirect(answer(302, "https://truong.edu.vn/school/news/1/comments"), posted))
                .contains("forces HTTPS");
        assertThat(SuccessRules.refusingRedirect(answer(301, "/school/news/1/comments/"), posted)).contains("301");
        assertThat(SuccessRules.refusingRedirect(answer(302, "/school/wp-login.php?redirect_to=x"), posted)).contains("login page");
        assertThat(SuccessRules.refusingRedirect(answer(303, "/school/news/1/comments"), posted)).isNull();
        assertThat(SuccessRules.refusingRedirect(answer(302, "https://truong.edu.vn/school/news/1"), posted)).isNull();
        assertThat(SuccessRules.refusingRedirect(answer(302, "/school/news/1#binh-luan"), posted)).isNull();
        assertThat(SuccessRules.refusingRedirect(answer(201, "/school/dang-nhap"), posted)).isNull();
        assertThat(SuccessRules.refusingRedirect(answer(302, "https://truong.edu.vn/school/news/1/comments"),
                URI.create("https://truong.edu.vn/school/news/1/comments"))).isNull();
    }

    private static ReplayAnswer answer(int status, String location) {
        return new ReplayAnswer(status, location, "", Map.of());
    }

    @Test
    void badSuccessSettingsNameKeyValueAndExpectation() {
        assertThatThrownBy(() -> SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new java.util.Properties())
                .set("data.dir", dataDir.toString())
                .set("route.c.match", "POST /c")
                .set("route.c.success-status", "200-99x")
                .set("route.c.success-redirect", "/news/[0-9")
                .set("route.c.failure-text", "|")
                .build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("route.c.success-status").hasMessageContaining("200-99x").hasMessageContaining("200-399")
                .hasMessageContaining("route.c.success-redirect").hasMessageContaining("/news/[0-9").hasMessageContaining("regular expression")
                .hasMessageContaining("route.c.failure-text").hasMessageContaining("separated by |");
    }

    @Test
    void reversedStatusRangeIsRefused() {
        assertThatThrownBy(() -> SchoolGuardConfig.builder().environment(Map.of()).systemProperties(new java.util.Properties())
                .set("data.dir", dataDir.toString()).set("route.c.match", "POST /c").set("route.c.success-status", "399-200").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("route.c.success-status").hasMessageContaining("399-200");
    }

    record Held(long id, String receipt) {
    }

    private JsonNode approve(long id, int expectedStatus) throws Exception {
        HttpResponse<String> answer = site.post("/_schoolguard/api/submissions/" + id + "/approve", "application/json", "{}",
                "Authorization", auth);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(expectedStatus);
        return Json.MAPPER.readTree(answer.body());
    }

    private Held hold(String text) throws Exception {
        HttpResponse<String> posted = site.postForm("/posts/1/comments", Map.of("author", "Phụ huynh", "content", text),
                "Accept", "application/json");
        assertThat(posted.statusCode()).isEqualTo(202);
        String receipt = Json.MAPPER.readTree(posted.body()).path("receipt").asText();
        JsonNode items = Json.MAPPER.readTree(site.get("/_schoolguard/api/submissions?limit=1000", "Authorization", auth).body()).path("items");
        for (JsonNode item : items) {
            if (item.path("receipt").asText().equals(receipt)) {
                return new Held(item.path("id").asLong(), receipt);
            }
        }
        throw new AssertionError("held submission not listed");
    }
}
