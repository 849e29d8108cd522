package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.report.MonthlyReport;
import vn.schoolguard.internal.report.ReportCsv;
import vn.schoolguard.internal.report.ReportPdf;
import vn.schoolguard.internal.report.ReportTexts;
import vn.schoolguard.internal.report.Reports;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.internal.store.JdbcReportQueries;

/** {@code report}: writes one site's or the department's monthly report as PDF or CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a monthly report (PDF or CSV) of one site, or of every site with --department.")
final class ReportCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--month", required = true, paramLabel = "yyyy-MM", description = "The month, such as 2026-11.")
    String month;

    @Option(names = "--department", description = "Every site the database holds, with the department's totals.")
    boolean department;

    @Option(names = "--lang", defaultValue = "vi", paramLabel = "vi|en", description = "Language: vi (default) or en.")
    String language;

    @Option(names = "--format", required = true, paramLabel = "pdf|csv", description = "pdf or csv.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Option(names = "--zone", defaultValue = "Asia/Ho_Chi_Minh", paramLabel = "ZONE",
            description = "The zone month boundaries are in (the filter's site.zone).")
    ZoneId zone;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!language.equals("vi") && !language.equals("en")) {
            throw new IllegalArgumentException("--lang is vi or en, not '" + language + "'");
        }
        if (!format.equals("pdf") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format is pdf or csv, not '" + format + "'");
        }
        if (department && database.site != null) {
            throw new IllegalArgumentException("--department covers every site; leave out --site");
        }
        try (Database db = database.open(true)) {
            Reports reports = new Reports(new JdbcReportQueries(db), new JdbcHomeChecks(db), new JdbcIncidentLog(db), zone,
                    Clock.systemUTC());
            var chosen = reports.month(month);
            MonthlyReport report = department ? reports.department(chosen)
                    : reports.site(database.site(db, true, spec.commandLine().getErr()), chosen);
            write(report, ReportTexts.of(language));
            spec.commandLine().getOut().println("wrote the " + (department ? "department's" : "site "
                    + report.sites().get(0).siteKey() + "'s") + " report for " + chosen + " (" + report.sites().size()
                    + " site(s)) to " + out);
        }
        return 0;
    }

    /** Writes beside the target first, so a failed run leaves no half-written report under its name. */
    private void write(MonthlyReport report, ReportTexts texts) throws IOException {
        Path target = out.toAbsolutePath();
        Path partial = Files.createTempFile(target.getParent(), ".report-", ".part");
        try {
            try (OutputStream file = Files.newOutputStream(partial)) {
                if (format.equals("pdf")) {
                    ReportPdf.write(report, texts, file);
                } else {
                    Writer writer = new OutputStreamWriter(file, StandardCharsets.UTF_8);
                    ReportCsv.write(report, texts, writer);
                    writer.flush();
                }
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
