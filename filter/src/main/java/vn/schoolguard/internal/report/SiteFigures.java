package vn.schoolguard.internal.report;

import java.util.Objects;

/**
 * A site's moderation figures for a period (see docs/en/reports.md for how each is counted).
 *
 * @param siteKey    the site
 * @param received   submissions received in the period
 * @param approved   submissions approved in the period (the application stored them)
 * @param rejected   submissions a moderator rejected in the period
 * @param spamCaught submissions received in the period that the scorer filed as spam without a moderator
 * @param spamMarked submissions a moderator filed as spam in the period
 */
public record SiteFigures(String siteKey, long received, long approved, long rejected, long spamCaught,
                          long spamMarked) {

    public SiteFigures {
        Objects.requireNonNull(siteKey, "siteKey");
    }

    public static SiteFigures none(String siteKey) {
        return new SiteFigures(siteKey, 0, 0, 0, 0, 0);
    }

    /** All spam of the period: caught by the scorer plus filed by moderators. */
    public long spam() {
        return spamCaught + spamMarked;
    }

    /** The sum of two sites' figures, under {@code siteKey}. */
    public SiteFigures plus(SiteFigures other, String siteKey) {
        return new SiteFigures(siteKey, received + other.received, approved + other.approved,
                rejected + other.rejected, spamCaught + other.spamCaught, spamMarked + other.spamMarked);
    }
}
