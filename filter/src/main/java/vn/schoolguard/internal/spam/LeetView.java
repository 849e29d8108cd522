package vn.schoolguard.internal.spam;

/**
 * The words around each word that mixes letters and digits, with those words' digits read as the letters they
 * imitate ("nh4 c41" is "nha cai", "v1p" is "vip", "7ruc ti3p" is "truc tiep"): the phrase automaton scans it as
 * one more view. Only {@value #REACH} words either side are kept (no phrase is longer), so a long text with one
 * class name ("lớp 10A3") costs a few words, not a second scan of the text. Words of digits alone (prices, phone
 * numbers, scores) are left as they are.
 */
final class LeetView {

    /** Words kept on each side of a mixed word. */
    static final int REACH = 5;
    /** The letter each digit stands for, by digit: 0→o, 1→i, 2→z, 3→e, 4→a, 5→s, 6→g, 7→t, 8→b, 9→g. */
    private static final char[] LETTER = {'o', 'i', 'z', 'e', 'a', 's', 'g', 't', 'b', 'g'};

    private LeetView() {
    }

    /**
     * The view of a word view ({@link TextNormalizer#words}): windows of words, each starting and ending with a
     * space, separated by a line break no phrase contains; null when no word mixes letters and digits. One pass;
     * the window bounds are found by stepping over {@value #REACH} spaces either way.
     */
    static String of(String words) {
        StringBuilder out = null;
        int keptUntil = -1;
        int start = 1;
        boolean letter = false;
        boolean digit = false;
        int windowInOut = 0;
        int windowInWords = 0;
        for (int i = 1; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c != ' ') {
                // The word view holds only small letters, digits and single spaces.
                digit |= c <= '9';
                letter |= c > '9';
                continue;
            }
            if (letter && digit) {
                out = out == null ? new StringBuilder() : out;
                int from = wordsBack(words, start);
                if (keptUntil < 0 || from > keptUntil) {
                    out.append(out.length() == 0 ? "" : "\n").append(' ');
                    windowInOut = out.length();
                    windowInWords = from;
                } else {
                    from = keptUntil;
                }
                keptUntil = Math.max(from, wordsOn(words, i));
                out.append(words, from, keptUntil);
                // A window is a stretch of the word view: this word sits at the same distance from its start.
                for (int k = start; k < i; k++) {
                    char d = words.charAt(k);
                    if (d <= '9') {
                        out.setCharAt(windowInOut + k - windowInWords, LETTER[d - '0']);
                    }
                }
            }
            letter = false;
            digit = false;
            start = i + 1;
        }
        return out == null ? null : out.toString();
    }

    /** Where the word {@value #REACH} words before the one at {@code start} begins (or the first word). */
    private static int wordsBack(String words, int start) {
        int at = start;
        for (int k = 0; k < REACH && at > 1; k++) {
            at = words.lastIndexOf(' ', at - 2) + 1;
        }
        return at;
    }

    /** Just past the space after the word {@value #REACH} words after the one ending at {@code space}. */
    private static int wordsOn(String words, int space) {
        int at = space;
        for (int k = 0; k < REACH && at + 1 < words.length(); k++) {
            at = words.indexOf(' ', at + 1);
        }
        return at + 1;
    }
}
