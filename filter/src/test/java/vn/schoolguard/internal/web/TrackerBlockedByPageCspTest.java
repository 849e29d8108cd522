package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.schoolguard.internal.cli.SchoolGuardCli;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.TestSite;

/**
 * Pages whose own Content-Security-Policy stops the inserted EMC tracker: warned about, listed in the console and
 * failed by {@code schoolguard check}, on a real site with the filter (pages in inject/csp-*.html).
 */
class TrackerBlockedByPageCspTest {

    @TempDir
    Path dataDir;

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("emc.site-id", "4242", "portal.url", "https://haiphong.edu.vn/",
                "implant.sample-rate", "0"));
        site.pages.put("/news/12", page("csp-meta-blocking.html"));
        site.pages.put("/news/13", page("csp-meta-blocking.html"));
        site.pages.put("/gioi-thieu", page("csp-meta-nonce.html"));
        site.pages.put("/thu-vien", page("csp-meta-ignored.html"));
        site.pages.put("/tuyen-sinh", new TestSite.Served(fixture("csp-plain.html"),
                Map.of("Content-Security-Policy", "default-src 'self'; script-src 'self' 'unsafe-inline' https://f-emc.ngsp.gov.vn")));
        site.pages.put("/admin/news/12", page("csp-meta-blocking.html"));
    }

    @AfterEach
    void stop() throws Exception {
        site.close();
    }

    private static TestSite.Served page(String name) throws IOException {
        return new TestSite.Served(fixture(name), Map.of());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = TrackerBlockedByPageCspTest.class.getResourceAsStream("/inject/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void regressionMetaCspBlockingTheTrackerIsListedInTheConsoleQueuePage() throws Exception {
        for (String path : new String[] {"/news/12", "/news/13", "/gioi-thieu", "/thu-vien", "/tuyen-sinh", "/admin/news/12"}) {
            HttpResponse<String> response = site.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
        }
        assertThat(site.get("/news/12").body()).as("still inserted: warn only").contains("_govaq");
        assertThat(site.get("/gioi-thieu").body()).as("carries the meta policy's nonce")
                .contains("<script nonce=\"r4nd0mN0nce\">var _govaq");

        ConsolePagesTest.Browser moderator = ConsolePagesTest.Browser.signedIn(site, "mod");
        String queue = moderator.get("/queue").body();
        assertThat(queue).contains("id=\"csp-warnings\"", "Mã theo dõi EMC bị chặn");
        String table = queue.substring(queue.indexOf("id=\"csp-warnings\""), queue.indexOf("</section>", queue.indexOf("id=\"csp-warnings\"")));
        assertThat(table).contains("/news/*", "&lt;meta http-equiv&gt;", "script-src", "https://cdn.example.vn",
                "đoạn mã theo dõi chèn trong trang")
                .contains("/tuyen-sinh", "Content-Security-Policy header", "default-src", "lượt xem trang gửi về EMC")
                .doesNotContain("/gioi-thieu", "/thu-vien", "/admin");
        assertThat(table).containsPattern("<td>/news/\\*|<code>/news/\\*</code>");
        assertThat(table.replaceAll("\\s+", " ")).contains("</code></td><td>3</td>");
    }

    @Test
    void regressionCheckFailsAPageWhoseMetaCspBlocksTheTracker() throws Exception {
        Result blocked = run("check", "--portal", "https://haiphong.edu.vn/", site.base() + "/news/12");
        assertThat(blocked.code()).as(blocked.out()).isEqualTo(1);
        assertThat(blocked.out()).contains("FAIL " + site.base() + "/news/12", "EMC tracker   found (site ID 4242)",
                "tracker CSP   BLOCKED", "<meta http-equiv> script-src 'self' https://cdn.example.vn  stops the inline script");

        Result allowed = run("check", "--portal", "https://haiphong.edu.vn/", site.base() + "/gioi-thieu",
                site.base() + "/thu-vien");
        assertThat(allowed.code()).as(allowed.out()).isZero();
        assertThat(allowed.out()).contains("tracker CSP   allows it").doesNotContain("BLOCKED");

        Result header = run("check", "--json", site.base() + "/tuyen-sinh");
        assertThat(header.code()).isEqualTo(1);
        JsonNode report = Json.MAPPER.readTree(header.out()).get("sites").get(0);
        assertThat(report.at("/trackerCsp/ok").asBoolean()).isFalse();
        assertThat(report.at("/trackerCsp/blocked/0/source").asText()).isEqualTo("header");
        assertThat(report.at("/trackerCsp/blocked/0/blocks").asText()).isEqualTo("tracking-requests");
        assertThat(report.at("/trackerCsp/blocked/0/directive").asText()).isEqualTo("default-src 'self'");
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        int code = new CommandLine(new SchoolGuardCli()).setOut(new PrintWriter(out)).execute(args);
        return new Result(code, out.toString());
    }

    private record Result(int code, String out) {
    }
}
