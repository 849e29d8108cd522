package vn.schoolguard.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The department's view of the two demo schools over real HTTP: the dashboard lists both with their own pending
 * items, the department-wide monthly report counts each school's posts, and the read-only role decides nothing.
 */
class DepartmentOverviewTest {

    static TestSite site;
    static HostHttp ngoquyen;
    static HostHttp lachtray;

    @BeforeAll
    static void start() {
        site = TestSite.guarded(TestSite.DEFAULT_PASSWORD);
        ngoquyen = new HostHttp(site.baseUri().getPort(), GuardWiring.NGOQUYEN_HOST);
        lachtray = new HostHttp(site.baseUri().getPort(), GuardWiring.LACHTRAY_HOST);
        assertThat(TwoSchoolsTest.comment(ngoquyen, "Góp ý về căng tin trường Ngô Quyền").status()).isEqualTo(303);
        assertThat(TwoSchoolsTest.comment(lachtray, "Hỏi lịch họp phụ huynh trường Lạch Tray").status()).isEqualTo(303);
        assertThat(TwoSchoolsTest.comment(lachtray, "Cảm ơn thầy cô trường Lạch Tray").status()).isEqualTo(303);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theDashboardListsBothSchoolsWithTheirOwnPendingItems() throws Exception {
        HostHttp.Answer answer = ngoquyen.get("/_schoolguard/api/department/sites?sort=pending",
                "Authorization", TwoSchoolsTest.basic("department"));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode items = new ObjectMapper().readTree(answer.body()).path("items");
        Map<String, Integer> pending = new java.util.TreeMap<>();
        items.forEach(item -> pending.put(item.path("site").asText(), item.path("pending").asInt()));
        assertThat(pending).containsEntry("default", 1).containsEntry("lachtray", 2);
    }

    @Test
    void theDepartmentReportCountsEachSchoolsPosts() {
        String month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        HostHttp.Answer csv = ngoquyen.get("/_schoolguard/api/department/reports/" + month + ".csv",
                "Authorization", TwoSchoolsTest.basic("department"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        // Columns: site, month, figure, label, value, detail (the label may hold a comma: the value is next to last).
        List<String[]> received = csv.body().lines().map(l -> l.replace("\"", "").split(",", -1))
                .filter(cells -> cells.length >= 6 && cells[2].equals("received")).toList();
        assertThat(received).anySatisfy(cells -> assertThat(List.of(cells[0], cells[cells.length - 2])).containsExactly("default", "1"))
                .anySatisfy(cells -> assertThat(List.of(cells[0], cells[cells.length - 2])).containsExactly("lachtray", "2"))
                .anySatisfy(cells -> assertThat(List.of(cells[0], cells[cells.length - 2])).containsExactly("*", "3"));
    }

    @Test
    void theDepartmentReportPdfListsEachSchoolsCountsInVietnamese() throws Exception {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(site.baseUri().resolve("/_schoolguard/api/department/reports/" + month + ".pdf"))
                .header("Authorization", TwoSchoolsTest.basic("department")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Báo cáo tháng " + month.getMonthValue() + "/" + month.getYear())
                .contains("default").contains("lachtray");
        // The department table: a row per school, its key then received, approved, rejected, spam...
        assertThat(text).containsPattern("(?m)^default 1 0 0 0\\b").containsPattern("(?m)^lachtray 2 0 0 0\\b");
    }

    @Test
    void theDepartmentRoleReadsButDecidesNothingAndAModeratorSeesNoOtherSchool() {
        HostHttp.Answer approve = ngoquyen.send("POST", "/_schoolguard/api/submissions/1/approve", "",
                "Authorization", TwoSchoolsTest.basic("department"), "Content-Type", "application/json");
        assertThat(approve.status()).isEqualTo(403);
        assertThat(lachtray.get("/_schoolguard/api/department/sites", "Authorization",
                TwoSchoolsTest.basic("moderator-lachtray")).status()).isEqualTo(403);
        assertThat(ngoquyen.get("/_schoolguard/api/department/sites", "Authorization",
                TwoSchoolsTest.basic("moderator")).status()).isEqualTo(403);
    }
}
