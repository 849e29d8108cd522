package vn.schoolguard.internal.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.db.Json;

/** {@code iplog export}: streams every match as CSV or JSON, then delivers the chain proof. */
@Command(name = "export", description = "Write every matching entry as CSV or JSON, with the chain proof.")
final class IpLogExportCommand extends IpLogSubcommand {

    @Mixin
    IpLogFilters filters;

    @Option(names = "--format", defaultValue = "csv", description = "csv or json (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, description = "Write to this file instead of standard output.")
    Path output;

    @Option(names = "--proof", paramLabel = "FILE",
            description = "Write the chain proof (JSON) to this file; the CSV holds rows only, the JSON export also carries it inside.")
    Path proof;

    @Override
    int run(IpLog log, PrintWriter out, PrintWriter err) throws IOException {
        if (!format.equals("csv") && !format.equals("json")) {
            err.println("schoolguard: --format must be csv or json; got '" + format + "'");
            return 2;
        }
        IpLogQuery query = query(filters, null, err);
        if (query == null) {
            return 2;
        }
        long matches = log.count(query);
        // Audited before the first row is written, so an export that is cut off still leaves a trace.
        log.audit(actor(), "export-" + format, query.description(), matches, null);
        IpLogExport export = new IpLogExport(log, IpLogCommand.VIETNAM);
        long rows = write(export, query, new ProgressBar(err, "exported", matches));
        if (output != null) {
            out.println(rows + " entries written to " + output);
        }
        deliverProof(export.proof(query), out, err);
        return 0;
    }

    private long write(IpLogExport export, IpLogQuery query, ProgressBar progress) throws IOException {
        long rows;
        try (Writer writer = output == null
                ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
                : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            rows = format.equals("csv") ? export.csv(query, writer, progress) : export.json(query, writer, progress);
        }
        progress.done();
        return rows;
    }

    /** The proof goes to --proof's file; a CSV export without one at least names the chain head on standard error. */
    private void deliverProof(Map<String, Object> chainProof, PrintWriter out, PrintWriter err) throws IOException {
        if (proof != null) {
            Files.writeString(proof, Json.write(chainProof) + "\n", StandardCharsets.UTF_8);
            out.println("chain proof written to " + proof);
        } else if (format.equals("csv")) {
            err.println("chain head at export: " + chainProof.get("chainHead") + " (use --proof FILE to keep the proof)");
        }
    }
}
