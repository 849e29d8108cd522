package vn.schoolguard.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.schoolguard.internal.cli.UsersCommandTest.Run;
import vn.schoolguard.testing.TestSite;

/** {@code report}: one site's or the department's report written to a file, the month and options checked. */
class ReportCommandTest {

    @TempDir
    Path dataDir;

    @TempDir
    Path out;

    private final String thisMonth = YearMonth.from(LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))).toString();

    private void serve(String siteKey, int posts) throws Exception {
        TestSite site = new TestSite(dataDir, Map.of("site.key", siteKey));
        try {
            for (int i = 0; i < posts; i++) {
                site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào " + i));
            }
        } finally {
            site.close();
        }
    }

    @Test
    void aSitesReportIsWrittenAsPdfAndTheDepartmentsAsCsv() throws Exception {
        serve("ngoquyen", 2);
        serve("lachtray", 1);
        Path pdf = out.resolve("ngoquyen.pdf");
        Run site = UsersCommandTest.run("", "report", "--month", thisMonth, "--site", "ngoquyen", "--format", "pdf",
                "--out", pdf.toString(), "--data-dir", dataDir.toString());
        assertThat(site.code()).as(site.err()).isZero();
        assertThat(site.out()).contains("wrote the site ngoquyen's report for " + thisMonth);
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Báo cáo tháng", "Trang: ngoquyen", "Bình luận đã duyệt").doesNotContain("lachtray");
        }
        Path csv = out.resolve("so.csv");
        Run department = UsersCommandTest.run("", "report", "--month", thisMonth, "--department", "--lang", "en",
                "--format", "csv", "--out", csv.toString(), "--data-dir", dataDir.toString());
        assertThat(department.code()).as(department.err()).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"*\",\"" + thisMonth + "\",\"received\",\"Comments and questions received\",3,")
                .contains("\"ngoquyen\",\"" + thisMonth + "\",\"received\",\"Comments and questions received\",2,")
                .contains("\"lachtray\",\"" + thisMonth + "\",\"received\",\"Comments and questions received\",1,");
    }

    @Test
    void aBadMonthLanguageOrSiteIsRefusedAndNoFileIsLeft() throws Exception {
        serve("ngoquyen", 0);
        Path file = out.resolve("r.pdf");
        for (String[] args : new String[][] {
                {"--month", "2026-13", "--site", "ngoquyen"},
                {"--month", "../2026", "--site", "ngoquyen"},
                {"--month", "9999-01", "--site", "ngoquyen"},
                {"--month", thisMonth, "--site", "ngoquyen", "--lang", "fr"},
                {"--month", thisMonth, "--site", "nobody"},
                {"--month", thisMonth, "--site", "ngoquyen", "--department"}}) {
            String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of("report"), java.util.stream.Stream.concat(
                    java.util.Arrays.stream(args), java.util.stream.Stream.of("--format", "pdf", "--out", file.toString(),
                            "--data-dir", dataDir.toString()))).toArray(String[]::new);
            Run run = UsersCommandTest.run("", all);
            assertThat(run.code()).as(String.join(" ", args)).isNotZero();
            assertThat(run.err()).startsWith("schoolguard: ");
        }
        assertThat(file).doesNotExist();
        try (var left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }
}
