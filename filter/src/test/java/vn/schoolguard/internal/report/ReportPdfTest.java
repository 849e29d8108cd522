package vn.schoolguard.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF opened again with PDFBox: its text reads back with every Vietnamese letter, the font is embedded. */
class ReportPdfTest {

    @Test
    void aSitesReportReadsBackInVietnameseWithDiacritics() throws IOException {
        String text = textOf(ReportFixtures.site(), "vi");
        assertThat(text).contains("Báo cáo tháng 11/2026", "Bình luận đã duyệt", "Trang: ngoquyen",
                "Kỳ báo cáo: từ 01/11/2026 đến hết 30/11/2026 (múi giờ Asia/Ho_Chi_Minh)",
                "Nội dung cài cắm (cờ bạc, liên kết ẩn)", "Liên kết cổng thông tin cấp trên", "nổ hũ đổi thưởng",
                "không thấy liên kết cổng");
        assertThat(squash(text)).contains("Bìnhluậnđãduyệt80", "Thưrácchặntựđộng30");
    }

    @Test
    void hostileTextsAreWrittenAsPlainText() throws IOException {
        String text = squash(textOf(ReportFixtures.department(), "vi"));
        assertThat(text).contains(squash(ReportFixtures.SCRIPT), squash(ReportFixtures.FORMULA),
                squash(ReportFixtures.HOSTILE_KEY), squash("Báo cáo tháng 11/2026 của tất cả các trang"));
    }

    @Test
    void theEnglishReportIsInEnglish() throws IOException {
        String text = textOf(ReportFixtures.site(), "en");
        assertThat(text).contains("Monthly report 11/2026", "Comments approved", "Failed", "Planted content found in pages");
        assertThat(text).doesNotContain("Bình luận đã duyệt");
    }

    @Test
    void theFontIsEmbedded() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(ReportFixtures.site(), "vi"))) {
            var resources = doc.getPage(0).getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                assertThat(font.getName()).contains("DejaVuSans");
            }
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Báo cáo tháng 11/2026");
        }
    }

    @Test
    void aReportWithNoSitesIsStillADocument() throws IOException {
        MonthlyReport empty = new MonthlyReport(ReportMonth.of(2020, 1), ReportFixtures.VN, ReportFixtures.AT, true,
                java.util.List.of());
        assertThat(textOf(empty, "vi")).contains("Số trang: 0", "Không có");
    }

    static byte[] pdf(MonthlyReport report, String language) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReportPdf.write(report, ReportTexts.of(language), out);
        return out.toByteArray();
    }

    static String textOf(MonthlyReport report, String language) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf(report, language))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Without white space: table cells and wrapped lines read back with their own line breaks. */
    private static String squash(String text) {
        return text.replaceAll("\\s+", "");
    }
}
