package vn.schoolguard.internal.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;

/**
 * A monthly report as an A4 PDF in DejaVu Sans, embedded (subset) so that every Vietnamese letter shows on any
 * reader. Texts from the outside (site keys, pages, details, spam excerpts) are only ever placed as text.
 */
public final class ReportPdf {

    /** Incidents listed in a department report; each site's report lists its own. */
    static final int DEPARTMENT_INCIDENTS = 200;
    static final int DEPARTMENT_CAMPAIGNS = 10;

    private static final byte[] REGULAR = font("DejaVuSans.ttf");
    private static final byte[] BOLD = font("DejaVuSans-Bold.ttf");

    private final ReportTexts texts;
    private final MonthlyReport report;
    private final Font body;
    private final Font strong;
    private final Font heading;
    private final Font title;

    private ReportPdf(MonthlyReport report, ReportTexts texts) {
        this.report = report;
        this.texts = texts;
        BaseFont regular = base("DejaVuSans.ttf", REGULAR);
        BaseFont bold = base("DejaVuSans-Bold.ttf", BOLD);
        this.body = new Font(regular, 9);
        this.strong = new Font(bold, 9);
        this.heading = new Font(bold, 12);
        this.title = new Font(bold, 16);
    }

    /** Writes {@code report} to {@code out}, which is left open. */
    public static void write(MonthlyReport report, ReportTexts texts, OutputStream out) throws IOException {
        new ReportPdf(report, texts).render(out);
    }

    private void render(OutputStream out) throws IOException {
        Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            String heading = texts.get(report.department() ? "report.title.department" : "report.title",
                    report.month().display());
            doc.addTitle(heading);
            doc.addCreator("SchoolGuard");
            doc.open();
            doc.add(new Paragraph(heading, title));
            doc.add(new Paragraph(texts.get("report.subtitle"), body));
            doc.add(new Paragraph(texts.get("report.period", ReportTexts.day(report.from(), report.zone()),
                    ReportTexts.day(report.to().minusSeconds(1), report.zone()), report.zone().getId()), body));
            doc.add(new Paragraph(texts.get("report.generated", ReportTexts.time(report.generatedAt(), report.zone())), body));
            if (report.department()) {
                department(doc);
            } else {
                for (SiteReport site : report.sites()) {
                    site(doc, site);
                }
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IOException("cannot write the report PDF: " + e.getMessage(), e);
        }
    }

    private void department(Document doc) throws DocumentException {
        doc.add(new Paragraph(texts.get("report.sites", String.valueOf(report.sites().size())), body));
        section(doc, "section.figures");
        PdfPTable totals = table(2, new float[] {4, 1});
        figures(totals, report.totals());
        row(totals, texts.get("figure.taken_down"), report.incidentTotals().getOrDefault(IncidentKind.IMPLANT, 0L));
        row(totals, texts.get("figure.compliant_sites"), report.compliantSites() + "/" + report.sites().size());
        doc.add(totals);
        incidentCounts(doc, report.incidentTotals());
        section(doc, "section.sites");
        PdfPTable sites = table(7, new float[] {3, 1, 1, 1, 1, 1, 1.4f});
        for (String key : List.of("column.site", "figure.received", "figure.approved", "figure.rejected",
                "figure.spam", "figure.taken_down", "section.home")) {
            sites.addCell(cell(texts.get(key), strong));
        }
        for (SiteReport s : report.sites()) {
            sites.addCell(cell(s.siteKey(), body));
            for (long n : new long[] {s.figures().received(), s.figures().approved(), s.figures().rejected(),
                    s.figures().spam(), s.takenDown()}) {
                sites.addCell(number(n));
            }
            sites.addCell(cell(s.home().map(h -> texts.get(h.compliant() ? "home.ok" : "home.fail"))
                    .orElse(texts.get("home.never")), body));
        }
        doc.add(sites);
        campaigns(doc, report.sites().stream().flatMap(s -> s.campaigns().stream())
                .sorted(Comparator.comparingLong(Campaign::count).reversed()).limit(DEPARTMENT_CAMPAIGNS).toList(), true);
        List<Incident> all = report.sites().stream().flatMap(s -> s.incidents().stream())
                .sorted(Comparator.comparing(Incident::at)).toList();
        incidentList(doc, all.subList(0, Math.min(all.size(), DEPARTMENT_INCIDENTS)), all.size(), true);
    }

    private void site(Document doc, SiteReport site) throws DocumentException {
        doc.add(new Paragraph(texts.get("report.site", site.siteKey()), strong));
        section(doc, "section.figures");
        PdfPTable figures = table(2, new float[] {4, 1});
        figures(figures, site.figures());
        row(figures, texts.get("figure.taken_down"), site.takenDown());
        doc.add(figures);
        incidentCounts(doc, site.incidentCounts());
        home(doc, site.home().orElse(null));
        campaigns(doc, site.campaigns(), false);
        incidentList(doc, site.incidents(), site.incidentCounts().values().stream().mapToLong(Long::longValue).sum(),
                false);
    }

    private void figures(PdfPTable table, SiteFigures f) {
        row(table, texts.get("figure.received"), f.received());
        row(table, texts.get("figure.approved"), f.approved());
        row(table, texts.get("figure.rejected"), f.rejected());
        row(table, texts.get("figure.spam"), f.spam());
        row(table, "   " + texts.get("figure.spam_caught"), f.spamCaught());
        row(table, "   " + texts.get("figure.spam_marked"), f.spamMarked());
    }

    private void incidentCounts(Document doc, Map<IncidentKind, Long> counts) throws DocumentException {
        section(doc, "section.incidents");
        PdfPTable table = table(2, new float[] {4, 1});
        for (IncidentKind kind : IncidentKind.values()) {
            row(table, texts.kind(kind), counts.getOrDefault(kind, 0L));
        }
        doc.add(table);
    }

    private void home(Document doc, HomeCheck home) throws DocumentException {
        section(doc, "section.home");
        if (home == null) {
            doc.add(new Paragraph(texts.get("home.never"), body));
            return;
        }
        doc.add(new Paragraph(texts.get("home.checked", ReportTexts.time(home.checkedAt(), report.zone()),
                texts.get(home.compliant() ? "home.ok" : "home.fail"), String.valueOf(home.status())), body));
        PdfPTable table = table(2, new float[] {4, 1});
        row(table, texts.get("home.tracker"), texts.yesNo(home.tracker()));
        row(table, texts.get("home.label"), texts.yesNo(home.label()));
        row(table, texts.get("home.portal"), texts.yesNo(home.portal()));
        doc.add(table);
        if (!home.detail().isEmpty()) {
            doc.add(new Paragraph(home.detail(), body));
        }
    }

    private void campaigns(Document doc, List<Campaign> campaigns, boolean withSite) throws DocumentException {
        section(doc, "section.campaigns");
        if (campaigns.isEmpty()) {
            doc.add(new Paragraph(texts.get("none"), body));
            return;
        }
        for (Campaign c : campaigns) {
            String line = texts.get("campaign.row", String.valueOf(c.count()), ReportTexts.time(c.first(), report.zone()),
                    ReportTexts.time(c.last(), report.zone()));
            doc.add(new Paragraph((withSite ? c.siteKey() + ": " : "") + line, strong));
            doc.add(new Paragraph(c.excerpt(), body));
        }
    }

    private void incidentList(Document doc, List<Incident> incidents, long total, boolean withSite)
            throws DocumentException {
        section(doc, "section.incident_list");
        if (incidents.isEmpty()) {
            doc.add(new Paragraph(texts.get("none"), body));
            return;
        }
        PdfPTable table = withSite ? table(4, new float[] {1.4f, 1.4f, 2, 4}) : table(3, new float[] {1.4f, 2, 4});
        for (Incident i : incidents) {
            table.addCell(cell(ReportTexts.time(i.at(), report.zone()), body));
            if (withSite) {
                table.addCell(cell(i.siteKey(), body));
            }
            table.addCell(cell(texts.kind(i.kind()), body));
            table.addCell(cell((i.page() + " " + i.detail()).strip(), body));
        }
        doc.add(table);
        if (total > incidents.size()) {
            doc.add(new Paragraph(texts.get("incidents.more", String.valueOf(total - incidents.size())), body));
        }
    }

    private void section(Document doc, String key) throws DocumentException {
        Paragraph p = new Paragraph(texts.get(key), heading);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(int columns, float[] widths) {
        PdfPTable table = new PdfPTable(columns);
        table.setWidthPercentage(100);
        table.setWidths(widths);
        table.setHeaderRows(0);
        return table;
    }

    private void row(PdfPTable table, String label, Object value) {
        table.addCell(cell(label, body));
        table.addCell(value instanceof Long n ? number(n) : cell(String.valueOf(value), strong));
    }

    private PdfPCell number(long n) {
        PdfPCell cell = cell(String.valueOf(n), strong);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text, font));
        cell.setPadding(3);
        return cell;
    }

    private static BaseFont base(String name, byte[] bytes) {
        try {
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, BaseFont.CACHED, bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] font(String name) {
        try (InputStream in = ReportPdf.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing report font " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
