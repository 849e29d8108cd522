package vn.schoolguard.internal.cli;

import vn.schoolguard.internal.store.SiteKeys;

import java.io.PrintWriter;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.db.Database;

/** {@code iplog verify}: checks the hash chain of every site in the database, or of {@code --site}'s only. */
@Command(name = "verify", description = {"Check the hash chain of every site in the database (or only --site's):"
        + " exit 0 when every chain verifies, 3 naming the first bad entry otherwise.",
        "A database without any IP-log entry says so (check --data-dir) and exits 0."})
final class IpLogVerifyCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Database db = database.open(true)) {
            SortedSet<String> sites = SiteKeys.withIpLog(db);
            if (database.site != null && !sites.contains(database.site)) {
                return noEntries(db, out, err);
            }
            if (sites.isEmpty()) {
                out.println("no IP-log entries in " + database.describe());
                return 0;
            }
            int failed = 0;
            for (String site : database.site != null ? Set.of(database.site) : sites) {
                failed += verify(IpLogSubcommand.open(db, site), site, out, err) ? 0 : 1;
            }
            return failed == 0 ? 0 : 3;
        }
    }

    /** --site names a site without entries: fine if the filter runs it (its head exists), a mistake otherwise. */
    private int noEntries(Database db, PrintWriter out, PrintWriter err) {
        SortedSet<String> known = SiteKeys.all(db);
        if (known.contains(database.site)) {
            out.println("site " + database.site + ": no IP-log entries yet, OK");
            return 0;
        }
        SortedSet<String> logged = SiteKeys.withIpLog(db);
        err.println("schoolguard: there is no site '" + database.site + "' in " + database.describe() + "; "
                + (logged.isEmpty() ? "it holds no IP-log entries at all" : "sites with IP-log entries: " + String.join(", ", logged)));
        return 2;
    }

    private static boolean verify(IpLog log, String site, PrintWriter out, PrintWriter err) {
        ProgressBar progress = new ProgressBar(err, "verified", -1);
        VerifyResult result = log.verify(progress);
        progress.done();
        log.audit(IpLogSubcommand.actor(), "verify", Map.of(), result.checked(), null);
        if (result.ok()) {
            out.println("site " + site + ": " + result.checked() + " entries verified, head seq=" + log.head().get("seq") + ", OK");
            return true;
        }
        out.println("site " + site + ": FAILED at seq " + result.badSeq() + ": " + result.message());
        return false;
    }
}
