package vn.schoolguard.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;

/** The CSV parsed back: one line per figure, the department's totals under {@code *}, no cell a formula. */
class ReportCsvTest {

    @Test
    void aSitesFiguresParseBack() throws IOException {
        List<Map<String, String>> rows = rows(ReportFixtures.site(), "vi");
        assertThat(value(rows, "ngoquyen", "received")).isEqualTo("120");
        assertThat(value(rows, "ngoquyen", "approved")).isEqualTo("80");
        assertThat(value(rows, "ngoquyen", "spam")).isEqualTo("33");
        assertThat(value(rows, "ngoquyen", "taken_down")).isEqualTo("2");
        assertThat(value(rows, "ngoquyen", "incidents.portal-missing")).isEqualTo("1");
        assertThat(value(rows, "ngoquyen", "home.portal")).isEqualTo("0");
        assertThat(rows).filteredOn(r -> r.get("figure").equals("approved")).singleElement()
                .satisfies(r -> assertThat(r.get("label")).isEqualTo("Bình luận đã duyệt"));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("month")).isEqualTo("2026-11"));
        assertThat(rows).noneMatch(r -> r.get("site").equals(MonthlyReport.ALL_SITES));
    }

    @Test
    void theDepartmentsTotalsComeFirstUnderTheStar() throws IOException {
        List<Map<String, String>> rows = rows(ReportFixtures.department(), "en");
        assertThat(rows.get(0)).containsEntry("site", "*").containsEntry("figure", "received").containsEntry("value", "121");
        assertThat(value(rows, "*", "compliant_sites")).isEqualTo("0");
        assertThat(value(rows, "*", "incidents.implant")).isEqualTo("2");
        assertThat(rows).filteredOn(r -> r.get("figure").equals("home")).singleElement()
                .satisfies(r -> assertThat(r.get("detail")).isEqualTo("Never checked"));
    }

    @Test
    void noCellStartsAFormulaAndHostileTextIsKeptOtherwise() throws IOException {
        StringWriter out = new StringWriter();
        ReportCsv.write(ReportFixtures.department(), ReportTexts.of("vi"), out);
        assertThat(out.toString()).startsWith("\uFEFFsite,month,figure,label,value,detail\r\n");
        List<Map<String, String>> rows = rows(ReportFixtures.department(), "vi");
        for (Map<String, String> row : rows) {
            for (String cell : row.values()) {
                assertThat(cell).as(row.toString()).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
                assertThat(cell).doesNotContain(",=").doesNotContain(";=").doesNotContain(", =");
            }
        }
        assertThat(rows).anyMatch(r -> r.get("site").equals("'" + ReportFixtures.HOSTILE_KEY));
        assertThat(rows).anyMatch(r -> r.get("detail").contains(ReportFixtures.SCRIPT));
        // Inside a cell, after other text, a formula is only text to a spreadsheet and is kept as it is.
        assertThat(rows).anyMatch(r -> r.get("detail").endsWith(" " + ReportFixtures.FORMULA));
    }

    static List<Map<String, String>> rows(MonthlyReport report, String language) throws IOException {
        StringWriter out = new StringWriter();
        ReportCsv.write(report, ReportTexts.of(language), out);
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.toString().substring(1))) {
            return it.readAll();
        }
    }

    private static String value(List<Map<String, String>> rows, String site, String figure) {
        return rows.stream().filter(r -> r.get("site").equals(site) && r.get("figure").equals(figure))
                .map(r -> r.get("value")).findFirst().orElseThrow(() -> new AssertionError(site + " " + figure));
    }
}
