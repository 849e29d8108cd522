package vn.schoolguard.internal.report;

import java.time.Instant;
import java.util.Objects;

/**
 * A spam campaign of a period: submissions filed as spam that carry the same text fingerprint.
 *
 * @param siteKey     the site
 * @param fingerprint the shared fingerprint
 * @param count       how many such submissions were received in the period
 * @param first       the first one's time
 * @param last        the last one's time
 * @param excerpt     the start of the first one's text as posted (lower-cased; shown as text, never as markup), at most {@link #MAX_EXCERPT} characters
 */
public record Campaign(String siteKey, String fingerprint, long count, Instant first, Instant last, String excerpt) {

    public static final int MAX_EXCERPT = 160;

    public Campaign {
        Objects.requireNonNull(siteKey, "siteKey");
        excerpt = excerpt == null ? "" : cut(excerpt.replaceAll("\\p{Cntrl}", " ").strip());
    }

    private static String cut(String text) {
        if (text.length() <= MAX_EXCERPT) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
        return text.substring(0, end) + "…";
    }
}
