package vn.schoolguard.internal.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.moderation.Status;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.moderation.SubmissionQuery;

/**
 * Raises QUEUE_OLD when the oldest pending submission has waited longer than {@code alerts.queue-max-age}, at most
 * once a day per site (the incident log remembers, so a restart does not raise it again).
 */
public final class QueueAgeWatch implements AutoCloseable {

    static final Duration ONCE_PER = Duration.ofDays(1);

    private final Alerts alerts;
    private final SubmissionQueries queries;
    private final String siteKey;
    private final Duration maxAge;
    private final Housekeeping.Task task;

    /** A look every hour (or every {@code maxAge} when that is shorter) on {@code housekeeping}. */
    public QueueAgeWatch(Alerts alerts, SubmissionQueries queries, String siteKey, Duration maxAge, Housekeeping housekeeping) {
        this.alerts = alerts;
        this.queries = queries;
        this.siteKey = siteKey;
        this.maxAge = maxAge;
        Duration every = maxAge.compareTo(Duration.ofHours(1)) < 0 ? maxAge : Duration.ofHours(1);
        this.task = housekeeping == null ? null : housekeeping.every("queue age", Duration.ofMinutes(3), every, this::runOnce);
    }

    /** Looks at the oldest pending submission now; true when an incident was raised. */
    public synchronized boolean runOnce() {
        // Pending work is read oldest first.
        Page<Submission> page = queries.search(SubmissionQuery.byStatus(Status.PENDING, 1, 0));
        List<Submission> oldest = page.items();
        if (oldest.isEmpty()) {
            return false;
        }
        Instant now = alerts.clock().instant();
        Submission item = oldest.get(0);
        Duration waited = Duration.between(item.receivedAt(), now);
        if (waited.compareTo(maxAge) <= 0 || !alerts.since(siteKey, IncidentKind.QUEUE_OLD, now.minus(ONCE_PER)).isEmpty()) {
            return false;
        }
        alerts.raise(siteKey, IncidentKind.QUEUE_OLD, "", "submission " + item.id() + ", the oldest of " + page.total()
                + " pending, has waited " + hours(waited) + " (received " + item.receivedAt() + "); the limit is "
                + hours(maxAge));
        return true;
    }

    private static String hours(Duration d) {
        return d.toHours() >= 1 ? d.toHours() + "h" : d.toMinutes() + "m";
    }

    @Override
    public void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
