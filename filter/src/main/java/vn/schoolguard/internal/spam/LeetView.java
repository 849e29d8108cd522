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
        int[] mixed = mixedWords(words);
        if (mixed.length == 0) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int keptUntil = -1;
        int windowInOut = 0;
        int windowInWords = 0;
        for (int start : mixed) {
            int end = words.indexOf(' ', start);
            int from = wordsBack(words, start);
            if (keptUntil < 0 || from > keptUntil) {
                out.append(out.length() == 0 ? "" : "\n").append(' ');
                windowInOut = out.length();
                windowInWords = from;
            } else {
                from = keptUntil;
            }
            keptUntil = Math.max(from, wordsOn(words, end));
            out.append(words, from, keptUntil);
            // A window is a stretch of the word view: this word sits at the same distance from its start.
            for (int k = start; k < end; k++) {
                char d = words.charAt(k);
                if (d <= '9') {
                    out.setCharAt(windowInOut + k - windowInWords, LETTER[d - '0']);
                }
            }
        }
        return out.toString();
    }

    /**
     * The starts of the words that mix letters and digits, in order. Digits are rare in comments, so each digit
     * is found by the JDK's (vectorised) search and only the words holding one are looked at.
     */
    private static int[] mixedWords(String words) {
        int[] starts = new int[8];
        int count = 0;
        for (char digit = '0'; digit <= '9'; digit++) {
            for (int at = words.indexOf(digit); at >= 0; at = words.indexOf(digit, at + 1)) {
                int start = words.lastIndexOf(' ', at) + 1;
                int end = words.indexOf(' ', at);
                if (end < 0) {
                    break;
                }
                if (hasLetter(words, start, end)) {
                    starts = count == starts.length ? java.util.Arrays.copyOf(starts, count * 2) : starts;
                    starts[count++] = start;
                }
                at = end;
            }
        }
        int[] sorted = java.util.Arrays.copyOf(starts, count);
        java.util.Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        return java.util.Arrays.copyOf(sorted, distinct);
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) > '9') {
                return true;
            }
        }
        return false;
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
