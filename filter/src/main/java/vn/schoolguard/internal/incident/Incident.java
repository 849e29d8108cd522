package vn.schoolguard.internal.incident;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded incident of a site.
 *
 * @param id      the store's id, 0 before it is recorded
 * @param siteKey the site it happened on
 * @param kind    what happened
 * @param at      when it was found
 * @param page    the path or URL concerned, or empty
 * @param detail  what was found, in plain text (shown escaped); at most {@link #MAX_DETAIL} characters
 */
public record Incident(long id, String siteKey, IncidentKind kind, Instant at, String page, String detail) {

    public static final int MAX_PAGE = 2000;
    public static final int MAX_DETAIL = 4000;

    public Incident {
        Objects.requireNonNull(siteKey, "siteKey");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        page = StoredText.of(page, MAX_PAGE);
        detail = StoredText.of(detail, MAX_DETAIL);
    }

    /** A new incident, not yet recorded. */
    public static Incident of(String siteKey, IncidentKind kind, Instant at, String page, String detail) {
        return new Incident(0, siteKey, kind, at, page, detail);
    }
}
