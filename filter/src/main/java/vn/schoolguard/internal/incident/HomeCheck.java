package vn.schoolguard.internal.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of looking at a site's served home page, the same checks as the {@code check} command.
 *
 * @param siteKey   the site
 * @param checkedAt when the page was fetched
 * @param url       the address fetched
 * @param status    the HTTP status, or 0 when the page could not be fetched
 * @param tracker   whether a working EMC tracker for the site's ID is on the page
 * @param label     whether the EMC label is shown
 * @param portal    whether the page links to the parent portal
 * @param detail    what was wrong, in plain text, or empty
 */
public record HomeCheck(String siteKey, Instant checkedAt, String url, int status, boolean tracker, boolean label,
                        boolean portal, String detail) {

    public HomeCheck {
        Objects.requireNonNull(siteKey, "siteKey");
        Objects.requireNonNull(checkedAt, "checkedAt");
        url = StoredText.of(url, Incident.MAX_PAGE);
        detail = StoredText.of(detail, Incident.MAX_DETAIL);
    }

    /** Whether the home page passed every check. */
    public boolean compliant() {
        return status >= 200 && status < 300 && tracker && label && portal;
    }
}
