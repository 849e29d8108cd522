package vn.schoolguard.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import vn.schoolguard.internal.account.ConsoleUser;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentLog;

/** The console banner's incidents: the site's incidents of the last {@link #WINDOW}, newest first, at most {@link #MAX}. */
public final class IncidentNotices implements ConsoleNotices.Source {

    static final Duration WINDOW = Duration.ofDays(7);
    static final int MAX = 20;

    private final IncidentLog log;
    private final String siteKey;
    private final Clock clock;

    public IncidentNotices(IncidentLog log, String siteKey, Clock clock) {
        this.log = log;
        this.siteKey = siteKey;
        this.clock = clock;
    }

    @Override
    public List<ConsoleNotices.Notice> notices(ConsoleUser user, Messages messages) {
        return recent(log, siteKey, clock.instant(), MAX).stream()
                .map(i -> new ConsoleNotices.Notice("incident-" + i.kind().key(),
                        messages.get("console.incident.kind." + i.kind().key()), i.at(), i.page(), i.detail()))
                .toList();
    }

    /** The site's incidents in the window before {@code now}, newest first. */
    static List<Incident> recent(IncidentLog log, String siteKey, Instant now, int limit) {
        return log.recent(siteKey, limit).stream().filter(i -> !i.at().isBefore(now.minus(WINDOW))).toList();
    }
}
