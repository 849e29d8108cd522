package vn.schoolguard.inject;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where implant alerts go. Implementations must be thread-safe and quick: they are called from the scan thread.
 * SchoolGuard always logs alerts ({@link #logging()}) and keeps the recent ones ({@link RecentImplantAlerts}).
 */
@FunctionalInterface
public interface ImplantAlerts {

    void alert(ImplantAlert alert);

    /** Logs each alert at WARN on the SLF4J logger {@code vn.schoolguard.implant}. */
    static ImplantAlerts logging() {
        Logger log = LoggerFactory.getLogger("vn.schoolguard.implant");
        return alert -> {
            for (ImplantFinding finding : alert.findings()) {
                log.warn("Possible planted content on {}: {} {} near \"{}\"", alert.page(), finding.kind(),
                        finding.detail(), finding.excerpt());
            }
        };
    }
}
