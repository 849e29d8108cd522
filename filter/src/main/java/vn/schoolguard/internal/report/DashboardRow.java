package vn.schoolguard.internal.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import vn.schoolguard.internal.incident.HomeCheck;

/**
 * One site's row on the department dashboard.
 *
 * @param activity its queue and recent decisions, spam and implants
 * @param home     its latest home-page check; empty when never checked
 */
public record DashboardRow(SiteActivity activity, Optional<HomeCheck> home) {

    public DashboardRow {
        Objects.requireNonNull(activity, "activity");
        home = Objects.requireNonNullElse(home, Optional.empty());
    }

    public String siteKey() {
        return activity.siteKey();
    }

    /** How long the oldest pending submission has waited at {@code now}; zero when none waits. */
    public Duration oldestAge(Instant now) {
        return activity.oldestPending().map(t -> Duration.between(t, now)).filter(d -> !d.isNegative())
                .orElse(Duration.ZERO);
    }
}
