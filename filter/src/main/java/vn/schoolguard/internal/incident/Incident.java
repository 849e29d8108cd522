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
        page = clean(page, MAX_PAGE);
        detail = clean(detail, MAX_DETAIL);
    }

    /** A new incident, not yet recorded. */
    public static Incident of(String siteKey, IncidentKind kind, Instant at, String page, String detail) {
        return new Incident(0, siteKey, kind, at, page, detail);
    }

    /**
     * Text as stored: NUL (refused by PostgreSQL) and other control characters but tab and newline become U+FFFD;
     * cut at {@code max} UTF-16 units, never inside a surrogate pair.
     */
    private static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (out.length() + Character.charCount(c) > max) {
                break;
            }
            out.appendCodePoint(Character.isISOControl(c) && c != '\t' && c != '\n' ? 0xFFFD : c);
            i += Character.charCount(c);
        }
        return out.toString();
    }
}
