package vn.schoolguard.internal.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogExport;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.iplog.IpLogRecord;
import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.db.Json;

/** {@code iplog query}: prints matching entries, newest first, as a table or one JSON object a line. */
@Command(name = "query", description = "Print matching entries, newest first.")
final class IpLogQueryCommand extends IpLogSubcommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    @Mixin
    IpLogFilters filters;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many (default ${DEFAULT-VALUE}, up to 1000).")
    int limit;

    @Option(names = "--json", description = "One JSON object per line instead of a table.")
    boolean json;

    @Override
    int run(IpLog log, PrintWriter out, PrintWriter err) {
        IpLogQuery query = query(filters, limit, err);
        if (query == null) {
            return 2;
        }
        Page<IpLogRecord> page = log.search(query);
        log.audit(actor(), "search", query.description(), page.items().size(), null);
        IpLogExport export = new IpLogExport(log, IpLogCommand.VIETNAM);
        for (IpLogRecord r : page.items()) {
            out.println(json ? Json.write(export.item(r)) : row(r));
        }
        if (!json) {
            out.println(page.items().size() + " of " + page.total() + " matching entries (times in Asia/Ho_Chi_Minh)");
        }
        return 0;
    }

    private static String row(IpLogRecord r) {
        return String.format("%-23s  %-39s %5s  %-10s %-12s %-9s %s", TIME.format(r.loggedAt().atZone(IpLogCommand.VIETNAM)),
                r.clientIp(), r.clientPort() < 0 ? "-" : String.valueOf(r.clientPort()), r.route(), r.outcome().key(),
                r.receipt() == null ? "-" : r.receipt(), r.userAgent() == null ? "" : r.userAgent());
    }
}
