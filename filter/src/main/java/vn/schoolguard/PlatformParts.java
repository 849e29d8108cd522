package vn.schoolguard;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;

import vn.schoolguard.api.ApprovalListener;
import vn.schoolguard.internal.alert.Deliveries;
import vn.schoolguard.internal.db.DataDirectory;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.db.StoreException;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.store.JdbcIpLogStorage;

/**
 * What every site of one filter shares: the data directory, one database, the housekeeping scheduler, the clock and
 * the application's approval listeners, the alert sender thread. Built once at startup; each site's own parts are {@link FilterParts}.
 */
final class PlatformParts implements AutoCloseable {

    private static final Log LOG = Log.get(SchoolGuardFilter.class);

    final SchoolGuardConfig config;
    final Clock clock = Clock.systemUTC();
    final Housekeeping housekeeping;
    /** The application's listeners, told of approvals on every site. */
    final List<ApprovalListener> listeners = new CopyOnWriteArrayList<>();
    private DataDirectory dataDirectory;
    Database database;
    JdbcIpLogStorage ipLogStorage;
    /** The one thread every site's alerts are sent on (mail and webhook attempts may wait for their timeout). */
    final ScheduledExecutorService alertSender = Deliveries.thread();
    /** The sites page's work, given to the platform's own site's console only. */
    vn.schoolguard.internal.web.SiteAdmin siteAdmin;

    private PlatformParts(SchoolGuardConfig config, Housekeeping housekeeping) {
        this.config = config;
        this.housekeeping = housekeeping;
    }

    /** Opens the data directory and the database; stops startup with one clear message. */
    static PlatformParts start(SchoolGuardConfig config, FilterConfig filterConfig) throws ServletException {
        Object hostScheduler = filterConfig.getServletContext().getAttribute(SchoolGuardFilter.HOUSEKEEPING_ATTRIBUTE);
        PlatformParts platform = new PlatformParts(config, hostScheduler instanceof ScheduledExecutorService scheduler
                ? Housekeeping.on(scheduler) : Housekeeping.ownThread());
        try {
            platform.openStorage();
        } catch (ServletException | RuntimeException e) {
            platform.close();
            throw e;
        }
        filterConfig.getServletContext().setAttribute(SchoolGuardFilter.LISTENERS_ATTRIBUTE, platform.listeners);
        return platform;
    }

    private void openStorage() throws ServletException {
        try {
            dataDirectory = DataDirectory.open(config.dataDir());
        } catch (IOException e) {
            throw new ServletException("SchoolGuard cannot create its data directory " + config.dataDir()
                    + " (setting data.dir): " + e.getMessage(), e);
        }
        try {
            database = Database.open(config.store());
            dataDirectory.tightenNow();
        } catch (StoreException e) {
            LOG.error("SchoolGuard cannot start: {}", e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
        ipLogStorage = new JdbcIpLogStorage(database);
    }

    @Override
    public void close() {
        housekeeping.close();
        alertSender.shutdownNow();
        if (dataDirectory != null) {
            dataDirectory.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
