package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;

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
        return of(words.getBytes(StandardCharsets.ISO_8859_1), words.length(), mixed, mixed.length);
    }

    /**
     * The same view of a word view given as bytes ({@code length} of them), with the starts of its words that mix
     * letters and digits in order ({@code count} of them, as {@link WordViews} finds them while building the view).
     */
    static String of(byte[] words, int length, int[] mixed, int count) {
        if (count == 0) {
            return null;
        }
        // Windows are stretches of the view that do not overlap, each with a line break and a space before it.
        byte[] out = new byte[length + 2 * count];
        int size = 0;
        int keptUntil = -1;
        int windowInOut = 0;
        int windowInWords = 0;
        for (int m = 0; m < count; m++) {
            int start = mixed[m];
            int end = start;
            while (end < length && words[end] != ' ') {
                end++;
            }
            int from = wordsBack(words, start);
            if (keptUntil < 0 || from > keptUntil) {
                if (size > 0) {
                    out[size++] = '\n';
                }
                out[size++] = ' ';
                windowInOut = size;
                windowInWords = from;
            } else {
                from = keptUntil;
            }
            keptUntil = Math.max(from, wordsOn(words, length, end));
            System.arraycopy(words, from, out, size, keptUntil - from);
            size += keptUntil - from;
            // A window is a stretch of the word view: this word sits at the same distance from its start.
            for (int k = start; k < end; k++) {
                byte d = words[k];
                if (d <= '9') {
                    out[windowInOut + k - windowInWords] = (byte) LETTER[d - '0'];
                }
            }
        }
        return new String(out, 0, size, StandardCharsets.ISO_8859_1);
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
    private static int wordsBack(byte[] words, int start) {
        int at = start;
        for (int k = 0; k < REACH && at > 1; k++) {
            int space = at - 2;
            while (space >= 0 && words[space] != ' ') {
                space--;
            }
            at = space + 1;
        }
        return at;
    }

    /** Just past the space after the word {@value #REACH} words after the one ending at {@code space}. */
    private static int wordsOn(byte[] words, int length, int space) {
        int at = space;
        for (int k = 0; k < REACH && at + 1 < length; k++) {
            int next = at + 1;
            while (next < length && words[next] != ' ') {
                next++;
            }
            at = next < length ? next : -1;
        }
        return at + 1;
    }
}
