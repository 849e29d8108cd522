package vn.schoolguard.internal.spam;

/**
 * Takes markup tags out of a text in one linear scan, each tag replaced by a space: the same as replacing every
 * match of {@code <[^<>]{0,2000}>}, without a regex engine's backtracking over the 2,000 characters after each
 * {@code <}. Not thread-safe: one per text, asked about its {@code <} in text order.
 */
final class Tags {

    /** The most code points between the brackets of one tag (the pattern's bound). */
    static final int MAX_INSIDE = 2000;
    private static final int CHECK_EVERY_TAGS = 64;

    private final String text;
    /** The first {@code <} after the last one asked about (-1: none), and the first {@code >} found so far. */
    private int nextOpen = -2;
    private int nextClose = -2;

    Tags(String text) {
        this.text = text;
    }

    /** The text with every tag replaced by one space; the text itself when it has no {@code <}. */
    static String strip(String text, Budget budget) {
        int at = text.indexOf('<');
        if (at < 0) {
            return text;
        }
        Tags tags = new Tags(text);
        // A tag of at least two characters becomes one space, so the text never grows; copied in stretches.
        char[] out = new char[text.length()];
        int size = 0;
        int copied = 0;
        int found = 0;
        while (at >= 0) {
            int end = tags.close(at);
            if (end < 0) {
                // No tag here; the next candidate is the next '<'.
                at = text.indexOf('<', -end);
                continue;
            }
            text.getChars(copied, at, out, size);
            size += at - copied;
            out[size++] = ' ';
            copied = end + 1;
            at = text.indexOf('<', copied);
            if (++found % CHECK_EVERY_TAGS == 0) {
                budget.check();
            }
        }
        text.getChars(copied, text.length(), out, size);
        return new String(out, 0, size + text.length() - copied);
    }

    /**
     * The index of the {@code >} closing a tag opened by the {@code <} at {@code open}, or minus where to look for
     * the next {@code <} when there is none: a {@code <} comes first, no {@code >} follows, or more than
     * {@value #MAX_INSIDE} code points (a surrogate pair counts once, as the pattern counts it) stand before it.
     * Each search starts where the last one ended, so asking about every {@code <} in text order is linear.
     */
    int close(int open) {
        int n = text.length();
        if (nextOpen != -1 && nextOpen <= open) {
            nextOpen = text.indexOf('<', open + 1);
        }
        if (nextClose != -1 && nextClose <= open) {
            nextClose = text.indexOf('>', open + 1);
        }
        int notHere = -(nextOpen < 0 ? n : nextOpen);
        if (nextClose < 0 || (nextOpen >= 0 && nextOpen < nextClose)) {
            return notHere;
        }
        // Only a long stretch can hold more code points than the bound; count them only then.
        boolean fits = nextClose - open - 1 <= MAX_INSIDE || Character.codePointCount(text, open + 1, nextClose) <= MAX_INSIDE;
        return fits ? nextClose : notHere;
    }
}
