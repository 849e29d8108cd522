package vn.schoolguard.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.internal.db.StoreSettings;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.TestSite;

/**
 * The department role on a site whose PostgreSQL database also holds other sites (one with a hostile key): it reads
 * the dashboard, drill-downs and every report, and can never decide, block or see the IP log; moderators read only
 * their own site's reports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentConsoleTest {

    static final String HOSTILE = "<script>alert(1)</script>=cmd|'/c calc'";
    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path dataDir;

    TestSite site;
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final String lastMonth = YearMonth.from(LocalDate.now(VN)).minusMonths(1).toString();

    @BeforeAll
    void start() throws Exception {
        StoreSettings store = Databases.fresh(Databases.Kind.POSTGRES);
        try (Database db = Database.open(store)) {
            JdbcIncidentLog incidents = new JdbcIncidentLog(db);
            Instant now = Instant.now();
            incidents.record(Incident.of(HOSTILE, IncidentKind.IMPLANT, now.minusSeconds(60), "/tin-tuc/<b>1</b>", HOSTILE));
            incidents.record(Incident.of("thcs-lach-tray", IncidentKind.TRACKER_MISSING, now, "/", "không có mã EMC"));
            new JdbcHomeChecks(db).save(new HomeCheck(HOSTILE, now, "http://x.example/", 200, false, true, false,
                    "detail " + HOSTILE));
        }
        site = new TestSite(dataDir, Map.of("store.url", store.url(), "store.user", store.user(),
                "store.password", store.password()));
        site.postForm("/posts/1/comments", Map.of("author", "Minh", "content", "Bài viết hay"));
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
    }

    @Test
    void theDepartmentUserLandsOnTheDashboardWhichListsEverySiteEscaped() throws Exception {
        ConsolePagesTest.Browser dept = ConsolePagesTest.Browser.signedIn(site, "dept");
        HttpResponse<String> home = dept.get("/");
        assertThat(home.headers().firstValue("Location")).hasValue("/school/_schoolguard/department");
        HttpResponse<String> page = dept.get("/department?sort=implants");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-site=\"default\"", "data-site=\"thcs-lach-tray\"", "Chưa kiểm tra",
                "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        // Sorted with the implants first: the hostile site has one, the others none.
        assertThat(page.body().indexOf("data-site=\"&lt;script")).isLessThan(page.body().indexOf("data-site=\"default\""));
        assertThat(page.body()).doesNotContain(">Hàng chờ</a>", ">Nhật ký IP</a>")
                .contains("<a class=\"brand\" href=\"/school/_schoolguard/department\">");
        assertThat(dept.get("/department?sort=%3Cscript%3E").statusCode()).isEqualTo(200);
        if (LocalDate.now(VN).getDayOfMonth() < 20) {
            assertThat(page.body()).contains("id=\"report-reminder\"");
        }
    }

    @Test
    void theDrillDownShowsOneSitesIncidentsAndReports() throws Exception {
        ConsolePagesTest.Browser dept = ConsolePagesTest.Browser.signedIn(site, "dept");
        HttpResponse<String> page = dept.get("/department/sites/" + ConsoleReportPages.encode(HOSTILE));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nội dung cài cắm", "/tin-tuc/&lt;b&gt;1&lt;/b&gt;", "detail &lt;script&gt;")
                .doesNotContain("<script>alert").doesNotContain("không có mã EMC");
        assertThat(page.body()).contains("/api/department/sites/" + ConsoleReportPages.encode(HOSTILE)
                + "/reports/" + lastMonth + ".pdf");
        assertThat(dept.get("/department/sites/nobody").statusCode()).isEqualTo(404);
        assertThat(dept.get("/department/sites/~!!").statusCode()).isEqualTo(404);
        assertThat(dept.get("/department/sites/~").statusCode()).isEqualTo(404);
        assertThat(dept.get("/department/sites/~bm9ib2R5").statusCode()).isEqualTo(404);
        assertThat(dept.get("/department/sites/DEFAULT").statusCode()).isEqualTo(404);
    }

    @Test
    void theDepartmentReportsAreOpenedAndReadBack() throws Exception {
        HttpResponse<byte[]> pdf = bytes("/api/department/reports/" + lastMonth + ".pdf", "dept");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"schoolguard-department-" + lastMonth + ".pdf\"");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Báo cáo tháng", "thcs-lach-tray", "default");
        }
        HttpResponse<byte[]> csv = bytes("/api/department/sites/thcs-lach-tray/reports/" + lastMonth + ".csv?lang=en", "dept");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).startsWith("\uFEFFsite,month,figure,label,value,detail")
                .contains("\"thcs-lach-tray\"").doesNotContain("\"default\"");
    }

    @Test
    void theSitesJsonListsEverySite() throws Exception {
        HttpResponse<String> sites = send("GET", "/api/department/sites?sort=pending", "dept");
        assertThat(sites.statusCode()).isEqualTo(200);
        JsonNode json = Json.MAPPER.readTree(sites.body());
        assertThat(json.path("total").asInt()).isEqualTo(3);
        assertThat(json.path("items").get(0).path("site").asText()).isEqualTo("default");
        assertThat(json.path("items").get(0).path("pending").asInt()).isEqualTo(1);
        assertThat(sites.body()).contains("\"checked\":false", "alert(1)");
        assertThat(send("GET", "/api/department/sites?sort=nonsense", "dept").statusCode()).isEqualTo(400);
    }

    @Test
    void theDepartmentRoleReadsButNeverDecidesBlocksOrSeesTheIpLog() throws Exception {
        for (String[] call : new String[][] {{"POST", "/api/submissions/1/approve"}, {"POST", "/api/submissions/1/reject"},
                {"POST", "/api/submissions/1/spam"}, {"POST", "/api/submissions/bulk"}, {"POST", "/api/blocks"},
                {"GET", "/api/blocks"}, {"GET", "/api/iplog"}, {"GET", "/api/iplog/verify"}, {"GET", "/api/submissions"},
                {"POST", "/api/rules/recheck"}}) {
            HttpResponse<String> refused = send(call[0], call[1], "dept");
            assertThat(refused.statusCode()).as(call[0] + " " + call[1]).isEqualTo(403);
        }
        ConsolePagesTest.Browser dept = ConsolePagesTest.Browser.signedIn(site, "dept");
        for (String page : new String[] {"/queue", "/iplog", "/items/1", "/blocks", "/history", "/accounts"}) {
            assertThat(dept.get(page).statusCode()).as(page).isEqualTo(403);
        }
        assertThat(site.stored).isEmpty();
    }

    @Test
    void moderatorsReadTheirSitesReportsButNotTheDepartments() throws Exception {
        assertThat(bytes("/api/reports/" + lastMonth + ".csv", "mod").statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/department/reports/" + lastMonth + ".csv", "mod").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/department/sites", "mod").statusCode()).isEqualTo(403);
        assertThat(send("GET", "/api/reports/" + lastMonth + ".csv", "inv").statusCode()).isEqualTo(403);
        ConsolePagesTest.Browser mod = ConsolePagesTest.Browser.signedIn(site, "mod");
        HttpResponse<String> reports = mod.get("/reports");
        assertThat(reports.statusCode()).isEqualTo(200);
        assertThat(reports.body()).contains("/api/reports/" + lastMonth + ".pdf", "/api/reports/" + lastMonth + ".csv")
                .doesNotContain("/api/department/reports/");
        assertThat(mod.get("/department").statusCode()).isEqualTo(403);
        assertThat(bytes("/api/department/reports/" + lastMonth + ".pdf", "boss").statusCode()).isEqualTo(200);
    }

    static Stream<String[]> badNames() throws Exception {
        return Files.readAllLines(Path.of(DepartmentConsoleTest.class.getResource("/web/reports/bad-report-names.txt")
                .toURI()), StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split(" \\| ", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNames")
    void aMalformedMonthIsA400WithTheReason(String name, String reason) throws Exception {
        for (String path : new String[] {"/api/reports/", "/api/department/reports/"}) {
            HttpResponse<String> answer = send("GET", path + name, "boss");
            assertThat(answer.statusCode()).as(path + name).isEqualTo(400);
            // The container itself refuses some paths (an encoded slash, NUL) with its own page.
            if (!reason.equals("(container)")) {
                assertThat(Json.MAPPER.readTree(answer.body()).path("error").asText()).startsWith(reason);
            }
        }
    }

    @Test
    void aReportOfAMonthBeforeAnyDataIsEmptyNotAnError() throws Exception {
        HttpResponse<byte[]> csv = bytes("/api/reports/2020-01.csv", "mod");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("\"received\",\"Bình luận, câu hỏi nhận được\",0");
        assertThat(send("GET", "/api/reports/2026-11.pdf?lang=fr", "mod").statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> send(String method, String path, String user) throws Exception {
        return client.send(request(method, path, user), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<byte[]> bytes(String path, String user) throws Exception {
        return client.send(request("GET", path, user), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest request(String method, String path, String user) {
        return HttpRequest.newBuilder(URI.create(site.base() + "/_schoolguard" + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).header("Accept", "application/json")
                .header("Origin", site.base().replaceAll("(https?://[^/]+).*", "$1"))
                .header("Authorization", TestSite.basic(user, TestSite.PASSWORD)).build();
    }
}
