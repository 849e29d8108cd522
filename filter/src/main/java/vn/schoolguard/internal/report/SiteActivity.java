package vn.schoolguard.internal.report;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A site's figures on the department dashboard.
 *
 * @param siteKey       the site
 * @param pending       submissions waiting for a moderator now
 * @param oldestPending when the oldest of them was received; empty when none waits
 * @param decisions     decisions (approved, rejected, filed as spam) in the last 30 days
 * @param spam          spam caught by the scorer or filed by moderators in the last 30 days
 * @param implants      planted content found in served pages in the last 30 days
 */
public record SiteActivity(String siteKey, long pending, Optional<Instant> oldestPending, long decisions, long spam,
                           long implants) {

    public SiteActivity {
        Objects.requireNonNull(siteKey, "siteKey");
        oldestPending = Objects.requireNonNullElse(oldestPending, Optional.empty());
    }

    public static SiteActivity none(String siteKey) {
        return new SiteActivity(siteKey, 0, Optional.empty(), 0, 0, 0);
    }
}
