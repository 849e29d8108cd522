package vn.schoolguard.internal.alert;

import java.time.Duration;
import java.util.List;

import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.VerifyResult;
import vn.schoolguard.internal.log.Log;

/**
 * Verifies the site's IP-log chain on a schedule and raises IPLOG_VERIFY_FAILED when it turns from verifying to
 * failing. After a restart the last failure raised is looked up, so the same broken entry is not raised again.
 */
public final class IpLogWatch implements AutoCloseable {

    private static final Log LOG = Log.get("vn.schoolguard.alert");
    private static final Duration REMEMBER = Duration.ofDays(30);

    private final Alerts alerts;
    private final IpLog ipLog;
    private final Housekeeping.Task task;
    /** The last run's outcome: null before the first. */
    private Boolean lastOk;

    public IpLogWatch(Alerts alerts, IpLog ipLog, Duration every, Housekeeping housekeeping) {
        this.alerts = alerts;
        this.ipLog = ipLog;
        this.task = housekeeping == null ? null : housekeeping.every("IP-log verification",
                Duration.ofMinutes(2).compareTo(every) < 0 ? Duration.ofMinutes(2) : every, every, this::runOnce);
    }

    /** Verifies the chain now; raises an incident when it newly fails. */
    public synchronized VerifyResult runOnce() {
        VerifyResult result = ipLog.verify(checked -> { });
        if (result.ok()) {
            if (Boolean.FALSE.equals(lastOk)) {
                LOG.info("IP log of site {} verifies again: {} entries", ipLog.siteKey(), result.checked());
            }
            lastOk = true;
            return result;
        }
        boolean known = Boolean.FALSE.equals(lastOk) || (lastOk == null && alreadyRaised(result));
        lastOk = false;
        if (!known) {
            alerts.raise(ipLog.siteKey(), IncidentKind.IPLOG_VERIFY_FAILED, "", detail(result));
        }
        return result;
    }

    private boolean alreadyRaised(VerifyResult result) {
        List<Incident> before = alerts.since(ipLog.siteKey(), IncidentKind.IPLOG_VERIFY_FAILED,
                alerts.clock().instant().minus(REMEMBER));
        return !before.isEmpty() && before.get(0).detail().equals(detail(result));
    }

    private static String detail(VerifyResult result) {
        return result.message() + (result.badSeq() >= 0 ? " (entry " + result.badSeq() + ")" : "");
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
