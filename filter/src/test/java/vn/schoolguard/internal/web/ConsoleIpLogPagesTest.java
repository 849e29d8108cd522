package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/** The investigators' console pages: search with audit, verification, the audit trail for admins. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleIpLogPagesTest {

    @TempDir
    static Path dataDir;

    TestSite site;

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("proxies.trusted", "127.0.0.1"));
        site.postForm("/posts/1/comments", Map.of("author", "Bình", "content", "Cảm ơn nhà trường"),
                "X-Forwarded-For", "14.226.3.7", "User-Agent", "Mozilla/5.0 (iPhone)");
        site.postForm("/posts/1/comments", Map.of("author", "Chi", "content", "Lịch thi"), "X-Forwarded-For", "27.64.9.1");
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    String signIn(String user) throws Exception {
        HttpResponse<String> login = site.post("/_schoolguard/login", "application/x-www-form-urlencoded",
                "username=" + user + "&password=" + URLEncoder.encode(TestSite.PASSWORD, StandardCharsets.UTF_8));
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SG_SESSION=")).findFirst().orElseThrow();
        return cookie.substring(0, cookie.indexOf(';'));
    }

    @Test
    void investigatorSearchesByCidrAndTheSearchIsAudited() throws Exception {
        String cookie = signIn("inv");
        HttpResponse<String> page = site.get("/_schoolguard/iplog?cidr=14.224.0.0/13&go=1", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("14.226.3.7").contains("Mozilla/5.0 (iPhone)").doesNotContain("27.64.9.1");
        assertThat(page.body().replace("&#x3D;", "=").replace("&amp;", "&")).contains("/_schoolguard/api/iplog?cidr=14.224.0.0%2F13&format=csv");
        HttpResponse<String> csv = site.get("/_schoolguard/api/iplog?cidr=14.224.0.0%2F13&format=csv", "Cookie", cookie);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("14.226.3.7");

        JsonNode audit = Json.MAPPER.readTree(site.get("/_schoolguard/api/iplog/audit",
                "Authorization", TestSite.basic("boss", TestSite.PASSWORD)).body()).path("items");
        assertThat(audit).extracting(a -> a.path("action").asText()).contains("search", "export-csv");
        HttpResponse<String> trail = site.get("/_schoolguard/iplog/audit", "Cookie", signIn("boss"));
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("inv").contains("14.224.0.0/13");
    }

    @Test
    void badFilterIsExplainedAndVerifyReportsAnIntactLog() throws Exception {
        String cookie = signIn("inv");
        HttpResponse<String> bad = site.get("/_schoolguard/iplog?ip=300.1.1.1", "Cookie", cookie);
        assertThat(bad.body()).contains("id=\"problem\"").contains("300.1.1.1");
        HttpResponse<String> verify = site.get("/_schoolguard/iplog/verify", "Cookie", cookie);
        assertThat(verify.statusCode()).isEqualTo(200);
        assertThat(verify.body()).contains("id=\"verify-result\"");
    }

    @Test
    void moderatorsDoNotSeeTheIpLog() throws Exception {
        String cookie = signIn("mod");
        assertThat(site.get("/_schoolguard/iplog?go=1", "Cookie", cookie).statusCode()).isEqualTo(403);
        assertThat(site.get("/_schoolguard/queue", "Cookie", cookie).body()).doesNotContain("/_schoolguard/iplog\"");
        assertThat(site.get("/_schoolguard/iplog/audit", "Cookie", signIn("inv")).statusCode()).isEqualTo(403);
    }
}
