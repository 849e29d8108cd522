package vn.schoolguard.internal.spam;

/**
 * Takes markup tags out of a text in one linear scan, each tag replaced by a space: the same as replacing every
 * match of {@code <[^<>]{0,2000}>}, without a regex engine's backtracking over the 2,000 characters after each
 * {@code <}.
 */
final class Tags {

    /** The most code points between the brackets of one tag (the pattern's bound). */
    static final int MAX_INSIDE = 2000;
    private static final int CHECK_EVERY_TAGS = 64;

    private Tags() {
    }

    /** The text with every tag replaced by one space; the text itself when it has no {@code <}. */
    static String strip(String text, Budget budget) {
        int at = text.indexOf('<');
        if (at < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int copied = 0;
        int tags = 0;
        while (at >= 0) {
            int end = close(text, at);
            if (end < 0) {
                // No tag here; the next candidate is the next '<', which the scan stopped at or has not reached.
                at = text.indexOf('<', -end);
                continue;
            }
            out.append(text, copied, at).append(' ');
            copied = end + 1;
            at = text.indexOf('<', copied);
            if (++tags % CHECK_EVERY_TAGS == 0) {
                budget.check();
            }
        }
        return out.append(text, copied, text.length()).toString();
    }

    /**
     * The index of the {@code >} closing a tag opened at {@code open}, or minus where to look for the next
     * {@code <} when there is none: a {@code <} comes first, the text ends, or more than {@value #MAX_INSIDE}
     * code points (a surrogate pair counts once, as the pattern counts it) stand before the {@code >}.
     */
    static int close(String text, int open) {
        int n = text.length();
        int i = open + 1;
        for (int inside = 0; i < n; inside++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '<') {
                return -i;
            }
            if (inside == MAX_INSIDE) {
                return -i;
            }
            i += Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
        }
        return -n;
    }
}
