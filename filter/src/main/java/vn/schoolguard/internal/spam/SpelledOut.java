package vn.schoolguard.internal.spam;

/**
 * The visible text as a reader sees it through a name's disguise: invisible characters gone, letters of other
 * scripts that look Latin written as the Latin letter of the same case ("ВОNG79" → "BONG79"), and names spelled
 * one character at a time with one separator ("R.u.b.y C.l.u.b", "L u x m a r a   C l u b") written as words.
 * Case and tone marks are kept, for {@link VenueNames}. One pass to map the characters, one to join the spelled runs.
 */
final class SpelledOut {

    /** Fewer letters spelled out in a row are initials or answer options ("A, B, C"), not a name. */
    private static final int MIN_SPELLED_LETTERS = 3;
    private static final String SEPARATORS = " .-_*·";

    private SpelledOut() {
    }

    /** The text as above, or {@code null} when it holds no such disguise. */
    static String plain(String visible) {
        String mapped = mapped(visible);
        String joined = joinSpelled(mapped == null ? visible : mapped);
        return joined != null ? joined : mapped;
    }

    /** Invisible characters dropped and look-alike letters made Latin; {@code null} when there were none. */
    private static String mapped(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int next = i + Character.charCount(cp);
            String replacement = null;
            if (Character.getType(cp) == Character.FORMAT) {
                replacement = "";
            } else if (cp >= 0x370 && Character.isLetter(cp) && Character.UnicodeScript.of(cp) != Character.UnicodeScript.LATIN) {
                char latin = TextNormalizer.latinLookalike(cp);
                if (latin != 0) {
                    replacement = String.valueOf(latin);
                }
            }
            if (replacement != null && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.appendCodePoint(cp);
                }
            }
            i = next;
        }
        return out == null ? null : out.toString();
    }

    /**
     * Runs of single letters or digits each standing alone between one and the same separator, with at least
     * {@value #MIN_SPELLED_LETTERS} letters, written as one word; the gap after a run becomes one space. {@code null}
     * when there is no such run.
     */
    private static String joinSpelled(String s) {
        int n = s.length();
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            if (!single(s, i)) {
                i++;
                continue;
            }
            char separator = i + 1 < n ? s.charAt(i + 1) : 0;
            if (SEPARATORS.indexOf(separator) < 0 || separator == 0) {
                i++;
                continue;
            }
            // The run: character, separator, character, … while each next one stands alone.
            int end = i + 1;
            int letters = Character.isLetter(s.charAt(i)) ? 1 : 0;
            int count = 1;
            while (end < n && s.charAt(end) == separator && end + 1 < n && single(s, end + 1)) {
                letters += Character.isLetter(s.charAt(end + 1)) ? 1 : 0;
                count++;
                end += 2;
            }
            if (count < 2 || letters < MIN_SPELLED_LETTERS) {
                i = end;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(s, copied, i);
            for (int k = i; k < end; k += 2) {
                out.append(s.charAt(k));
            }
            // The gap to the next word, written as one space, so that the next spelled word joins this one's name.
            int gap = end;
            while (gap < n && SEPARATORS.indexOf(s.charAt(gap)) >= 0) {
                gap++;
            }
            if (gap > end) {
                out.append(' ');
            }
            copied = gap;
            i = gap;
        }
        if (out == null) {
            return null;
        }
        return out.append(s, copied, n).toString();
    }

    /** Whether {@code s[i]} is a letter or digit with none on either side. */
    private static boolean single(String s, int i) {
        return Character.isLetterOrDigit(s.charAt(i)) && !Character.isSurrogate(s.charAt(i))
                && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                && (i + 1 >= s.length() || !Character.isLetterOrDigit(s.charAt(i + 1)));
    }
}
