package vn.schoolguard.internal.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.iplog.CsvCells;

/**
 * A monthly report as CSV: a UTF-8 byte order mark, a header, then one line per figure of each site
 * ({@code site,month,figure,label,value,detail}), the department's totals under site {@code *}. Text cells are
 * quoted and formula leaders neutralised as in the IP-log export ({@link CsvCells}).
 */
// Security-critical: site keys, routes and incident details come from the outside and are opened in spreadsheets.
public final class ReportCsv {

    public static final List<String> COLUMNS = List.of("site", "month", "figure", "label", "value", "detail");

    private static final ObjectWriter ROWS = CsvMapper.builder()
            .enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writer(schema());

    private ReportCsv() {
    }

    public static void write(MonthlyReport report, ReportTexts texts, Writer out) throws IOException {
        out.write('\uFEFF');
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        try (SequenceWriter csv = ROWS.writeValues(out)) {
            Rows rows = new Rows(csv, report, texts);
            if (report.department()) {
                rows.figures(MonthlyReport.ALL_SITES, report.totals());
                for (IncidentKind kind : IncidentKind.values()) {
                    rows.add(MonthlyReport.ALL_SITES, "incidents." + kind.key(), texts.kind(kind),
                            report.incidentTotals().getOrDefault(kind, 0L), "");
                }
                rows.add(MonthlyReport.ALL_SITES, "compliant_sites", texts.get("figure.compliant_sites"),
                        report.compliantSites(), "");
            }
            for (SiteReport site : report.sites()) {
                rows.site(site);
            }
            csv.flush();
        }
        out.flush();
    }

    private record Rows(SequenceWriter csv, MonthlyReport report, ReportTexts texts) {

        void figures(String site, SiteFigures f) throws IOException {
            add(site, "received", texts.get("figure.received"), f.received(), "");
            add(site, "approved", texts.get("figure.approved"), f.approved(), "");
            add(site, "rejected", texts.get("figure.rejected"), f.rejected(), "");
            add(site, "spam", texts.get("figure.spam"), f.spam(), "");
            add(site, "spam_caught", texts.get("figure.spam_caught"), f.spamCaught(), "");
            add(site, "spam_marked", texts.get("figure.spam_marked"), f.spamMarked(), "");
        }

        void site(SiteReport site) throws IOException {
            String key = site.siteKey();
            figures(key, site.figures());
            add(key, "taken_down", texts.get("figure.taken_down"), site.takenDown(), "");
            for (IncidentKind kind : IncidentKind.values()) {
                add(key, "incidents." + kind.key(), texts.kind(kind), site.incidents(kind), "");
            }
            home(key, site.home().orElse(null));
            for (Campaign c : site.campaigns()) {
                add(key, "campaign", texts.get("section.campaigns"), c.count(), ReportTexts.time(c.first(), report.zone())
                        + " – " + ReportTexts.time(c.last(), report.zone()) + ": " + c.excerpt());
            }
            for (Incident i : site.incidents()) {
                add(key, "incident." + i.kind().key(), texts.kind(i.kind()), 1,
                        ReportTexts.time(i.at(), report.zone()) + " " + i.page() + " " + i.detail());
            }
        }

        void home(String site, HomeCheck home) throws IOException {
            if (home == null) {
                add(site, "home", texts.get("section.home"), "", texts.get("home.never"));
                return;
            }
            String when = ReportTexts.time(home.checkedAt(), report.zone());
            add(site, "home.tracker", texts.get("home.tracker"), home.tracker() ? 1 : 0, when);
            add(site, "home.label", texts.get("home.label"), home.label() ? 1 : 0, when);
            add(site, "home.portal", texts.get("home.portal"), home.portal() ? 1 : 0, when);
            add(site, "home.compliant", texts.get(home.compliant() ? "home.ok" : "home.fail"), home.compliant() ? 1 : 0,
                    home.url() + " " + home.detail());
        }

        void add(String site, String figure, String label, Object value, String detail) throws IOException {
            List<Object> values = new ArrayList<>(Arrays.asList(site, report.month().toString(), figure, label, value,
                    detail.strip()));
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof String text) {
                    values.set(i, CsvCells.neutralise(text));
                }
            }
            csv.write(values);
        }
    }

    private static CsvSchema schema() {
        CsvSchema.Builder schema = CsvSchema.builder();
        COLUMNS.forEach(schema::addColumn);
        return schema.build().withoutHeader().withLineSeparator("\r\n");
    }
}
