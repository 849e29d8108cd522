package vn.schoolguard.internal.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogQuery;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;

/** What every {@code iplog} sub-command shares: the database options, opening one site's log, the audit actor. */
abstract class IpLogSubcommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        try (Database db = database.open(true)) {
            String site = database.site(db, true, spec.commandLine().getErr());
            return run(open(db, site), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    /** Runs on the log of the one site the options name. */
    abstract int run(IpLog log, PrintWriter out, PrintWriter err) throws IOException;

    static IpLog open(Database db, String site) {
        return new IpLog(new JdbcIpLogStorage(db), site, Clock.systemUTC());
    }

    /** Who the audit trail names for a look-up from the command line. */
    static String actor() {
        return "cli:" + System.getProperty("user.name", "unknown");
    }

    /** The search the filters give, or null after explaining on {@code err} why they do not make one. */
    static IpLogQuery query(IpLogFilters filters, Integer limit, PrintWriter err) {
        try {
            return filters.query(limit);
        } catch (IpLogQuery.BadQuery e) {
            err.println("schoolguard: " + e.getMessage());
            return null;
        }
    }
}
