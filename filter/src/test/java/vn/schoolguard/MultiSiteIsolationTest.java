package vn.schoolguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.HostClient;
import vn.schoolguard.testing.HostClient.Answer;
import vn.schoolguard.testing.TestSite;

/** Two schools on one filter and one database, told apart by host name: nothing of one is seen or changed on the other. */
class MultiSiteIsolationTest {

    static final String A = "a.school.test";
    static final String B = "b.school.test";

    @TempDir
    Path dataDir;
    TestSite site;
    HostClient http;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(dataDir, twoSchools());
        site.pages.put("/news", new TestSite.Served("<html><head><title>x</title></head><body><p>tin</p></body></html>", Map.of()));
        http = new HostClient(site.port());
    }

    static Map<String, String> twoSchools() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("emc.site-id", "9999");
        settings.put("portal.url", "https://platform.example/");
        settings.put("site.a.hosts", A);
        settings.put("site.a.accounts.seed", "mod-a:moderator, inv-a:investigator");
        settings.put("site.a.emc.site-id", "1111");
        settings.put("site.a.portal.url", "https://portal-a.example/");
        settings.put("site.b.hosts", B + ", *.b-district.test");
        settings.put("site.b.accounts.seed", "mod-b:moderator, inv-b:investigator");
        settings.put("site.b.emc.site-id", "2222");
        settings.put("site.b.portal.url", "https://portal-b.example/");
        return settings;
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    Answer comment(String host, String text) throws Exception {
        return http.postForm(host, "/school/posts/1/comments", Map.of("author", "An", "email", "an@example.vn", "content", text));
    }

    JsonNode pending(String host, String user) throws Exception {
        Answer answer = http.get(host, "/school/_schoolguard/api/submissions?status=pending",
                "Authorization", TestSite.basic(user, TestSite.PASSWORD));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return Json.MAPPER.readTree(answer.body());
    }

    /** The dashboard lists the sites the database holds: a school nobody had visited yet was missing from it. */
    @Test
    void regressionEveryConfiguredSchoolIsOnTheDepartmentDashboardBeforeItsFirstVisitor() throws Exception {
        Answer sites = http.get("127.0.0.1", "/school/_schoolguard/api/department/sites",
                "Authorization", TestSite.basic("dept", TestSite.PASSWORD));
        assertThat(sites.status()).as(sites.body()).isEqualTo(200);
        java.util.List<String> keys = new java.util.ArrayList<>();
        Json.MAPPER.readTree(sites.body()).path("items").forEach(item -> keys.add(item.path("site").asText()));
        assertThat(keys).contains("a", "b");
    }

    @Test
    void eachSchoolsPagesCarryItsOwnTrackerAndPortal() throws Exception {
        String a = http.get(A, "/school/news").body();
        String b = http.get("thcs-x.b-district.test:8443", "/school/news").body();
        String other = http.get("127.0.0.1", "/school/news").body();
        assertThat(a).contains("'setSiteId','1111'").contains("https://portal-a.example/").doesNotContain("2222");
        assertThat(b).contains("'setSiteId','2222'").contains("https://portal-b.example/").doesNotContain("1111");
        assertThat(other).contains("'setSiteId','9999'").contains("https://platform.example/");
    }

    @Test
    void aModeratorSeesOnlyTheirSchoolsQueueAndCannotSignInAtAnother() throws Exception {
        assertThat(comment(A, "Bình luận của trường A").status()).isEqualTo(303);
        assertThat(comment(B, "Bình luận của trường B").status()).isEqualTo(303);
        assertThat(comment(B.toUpperCase() + ".", "Thêm một bình luận của B").status()).isEqualTo(303);

        JsonNode queueA = pending(A, "mod-a");
        assertThat(queueA.get("total").asInt()).isEqualTo(1);
        assertThat(queueA.toString()).contains("trường A").doesNotContain("trường B").doesNotContain("của B");
        JsonNode queueB = pending(B, "mod-b");
        assertThat(queueB.get("total").asInt()).isEqualTo(2);
        assertThat(queueB.toString()).doesNotContain("trường A");
        assertThat(pending("127.0.0.1", "mod").get("total").asInt()).isZero();

        // moderator@A is nobody at B, and the platform's own moderator is nobody at A.
        for (String[] wrong : new String[][] {{B, "mod-a"}, {A, "mod-b"}, {A, "mod"}, {"127.0.0.1", "mod-a"}}) {
            assertThat(http.get(wrong[0], "/school/_schoolguard/api/submissions?status=pending",
                    "Authorization", TestSite.basic(wrong[1], TestSite.PASSWORD)).status()).as(wrong[0] + " " + wrong[1])
                    .isEqualTo(401);
        }
        long id = queueA.get("items").get(0).get("id").asLong();
        Answer approveFromB = http.send("POST", B, "/school/_schoolguard/api/submissions/" + id + "/approve",
                new String[] {"Authorization", TestSite.basic("mod-b", TestSite.PASSWORD)}, null, "");
        assertThat(approveFromB.status()).isIn(404, 409);
        assertThat(pending(A, "mod-a").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void anApprovalIsReplayedToThePostersOwnSiteAndToldToTheApplicationsListeners() throws Exception {
        java.util.List<String> approved = new java.util.concurrent.CopyOnWriteArrayList<>();
        SchoolGuardFilter.approvalListeners(site.servletContext()).add(s -> approved.add(s.receipt()));
        comment(A, "Bình luận được duyệt ở trường A");
        comment(B, "Bình luận chờ ở trường B");
        long id = pending(A, "mod-a").get("items").get(0).get("id").asLong();
        Answer approve = http.send("POST", A, "/school/_schoolguard/api/submissions/" + id + "/approve",
                new String[] {"Authorization", TestSite.basic("mod-a", TestSite.PASSWORD)}, null, "");
        assertThat(approve.status()).as(approve.body()).isEqualTo(200);
        assertThat(Json.MAPPER.readTree(approve.body()).get("status").asText()).isEqualTo("approved");
        assertThat(site.stored).singleElement().satisfies(s ->
                assertThat(s.parameters().get("content")[0]).isEqualTo("Bình luận được duyệt ở trường A"));
        assertThat(approved).hasSize(1);
        assertThat(pending(B, "mod-b").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aReplayTokenOfOneSchoolIsRefusedAtAnother() throws Exception {
        int port;
        try (java.net.ServerSocket reserve = new java.net.ServerSocket(0)) {
            port = reserve.getLocalPort();
        }
        site.close();
        Map<String, String> settings = twoSchools();
        settings.put("replay.base-url", "http://127.0.0.1:" + port + "/school");
        site = new TestSite(dataDir, settings);
        http = new HostClient(site.port());
        try (vn.schoolguard.testing.RecordingProxy relay = new vn.schoolguard.testing.RecordingProxy(port, site.port())) {
            comment(A, "Một lần, ở trường A");
            long id = pending(A, "mod-a").get("items").get(0).get("id").asLong();
            assertThat(http.send("POST", A, "/school/_schoolguard/api/submissions/" + id + "/approve",
                    new String[] {"Authorization", TestSite.basic("mod-a", TestSite.PASSWORD)}, null, "").status()).isEqualTo(200);
            assertThat(site.stored).hasSize(1);
            String captured = new String(relay.requests.get(0), java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(captured).contains("Host: " + A);
            int split = captured.indexOf("\r\n\r\n") + 4;
            String atB = captured.substring(0, split).replace("Host: " + A, "Host: " + B);
            Answer answer = http.raw(atB, captured.substring(split).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.body()).doesNotContain("already used");
            assertThat(site.stored).hasSize(1);
            assertThat(pending(B, "mod-b").get("total").asInt()).isZero();
        }
    }

    @Test
    void theIpLogAndReceiptsOfOneSchoolAreNotFoundAtAnother() throws Exception {
        Answer held = comment(A, "Câu hỏi gửi trường A");
        String receiptPath = held.header("location").orElseThrow();
        assertThat(http.get(A, receiptPath).status()).isEqualTo(200);
        assertThat(http.get(B, receiptPath).status()).isEqualTo(404);

        String logA = http.get(A, "/school/_schoolguard/api/iplog?format=csv", "Authorization", TestSite.basic("inv-a", TestSite.PASSWORD)).body();
        String logB = http.get(B, "/school/_schoolguard/api/iplog?format=csv", "Authorization", TestSite.basic("inv-b", TestSite.PASSWORD)).body();
        assertThat(logA.lines().count()).isEqualTo(2);
        assertThat(logB.lines().count()).isEqualTo(1);
        assertThat(http.get(B, "/school/_schoolguard/api/iplog", "Authorization", TestSite.basic("inv-a", TestSite.PASSWORD)).status())
                .isEqualTo(401);
    }

    @Test
    void aSessionCookieOfOneSchoolIsUselessAtAnother() throws Exception {
        Answer login = http.postForm(A, "/school/_schoolguard/login", Map.of("username", "mod-a", "password", TestSite.PASSWORD));
        assertThat(login.status()).as(login.body()).isEqualTo(303);
        String cookie = login.cookie().orElseThrow();
        Answer queueA = http.get(A, "/school/_schoolguard/queue", "Cookie", cookie);
        assertThat(queueA.status()).isEqualTo(200);
        Answer queueB = http.get(B, "/school/_schoolguard/queue", "Cookie", cookie);
        assertThat(queueB.status()).isIn(302, 303, 401);
        assertThat(queueB.body()).doesNotContain("mod-a");

        // A CSRF token of A's page, with A's cookie, does not log out or change anything at B either.
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(queueA.body());
        assertThat(csrf.find()).isTrue();
        Answer logoutAtB = http.postForm(B, "/school/_schoolguard/logout", Map.of("_csrf", csrf.group(1)), "Cookie", cookie);
        assertThat(logoutAtB.status()).isNotEqualTo(200);
        assertThat(http.get(A, "/school/_schoolguard/queue", "Cookie", cookie).status()).isEqualTo(200);
    }

    @Test
    void unknownHostsGetTheDefaultSiteOrA421WhenThereIsNone() throws Exception {
        assertThat(http.get("unknown.example", "/school/news").body()).contains("'setSiteId','9999'");
        site.close();
        Map<String, String> none = twoSchools();
        none.put("sites.default", "none");
        site = new TestSite(dataDir, none);
        site.pages.put("/news", new TestSite.Served("<html><body>tin</body></html>", Map.of()));
        http = new HostClient(site.port());
        Answer refused = http.get("unknown.example", "/school/news");
        assertThat(refused.status()).isEqualTo(421);
        assertThat(refused.body()).contains("no school site is served at this host name").doesNotContain("unknown.example");
        assertThat(comment("unknown.example", "x").status()).isEqualTo(421);
        assertThat(http.get(A, "/school/news").status()).isEqualTo(200);
    }
}
