package vn.schoolguard.internal.inject;

import vn.schoolguard.internal.log.Log;

/**
 * Where implant alerts go. Implementations must be thread-safe and quick: they are called from the scan thread.
 * SchoolGuard always logs alerts ({@link #logging()}) and keeps the recent ones ({@link RecentImplantAlerts}).
 */
@FunctionalInterface
public interface ImplantAlerts {

    void alert(ImplantAlert alert);

    /** Logs each alert at WARN on the logger {@code vn.schoolguard.implant}. */
    static ImplantAlerts logging() {
        Log log = Log.get("vn.schoolguard.implant");
        return alert -> {
            for (ImplantFinding finding : alert.findings()) {
                log.warn("Possible planted content on {}: {} {} near \"{}\"", alert.page(), finding.kind(),
                        finding.detail(), finding.excerpt());
            }
        };
    }
}
