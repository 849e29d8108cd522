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
     * space, separated by a line break no phrase contains; null when no word mixes letters and digits.
     */
    static String of(String words) {
        int[] starts = wordStarts(words);
        int count = starts.length - 1;
        StringBuilder out = null;
        int keptUntil = -1;
        for (int w = 0; w < count; w++) {
            if (!mixed(words, starts[w], starts[w + 1] - 1)) {
                continue;
            }
            out = out == null ? new StringBuilder() : out;
            int from = Math.max(Math.max(0, w - REACH), keptUntil);
            if (from > keptUntil || keptUntil < 0) {
                out.append(out.length() == 0 ? "" : "\n").append(' ');
            }
            int to = Math.min(count, w + REACH + 1);
            for (int k = from; k < to; k++) {
                append(out, words, starts[k], starts[k + 1] - 1);
            }
            keptUntil = to;
        }
        return out == null ? null : out.toString();
    }

    /** Where each word starts, then one past the last word's trailing space. */
    private static int[] wordStarts(String words) {
        int count = 0;
        for (int i = 1; i < words.length(); i++) {
            count += words.charAt(i) == ' ' && words.charAt(i - 1) != ' ' ? 1 : 0;
        }
        int[] starts = new int[count + 1];
        int w = 0;
        for (int i = 1; i < words.length() && w < count; i++) {
            if (words.charAt(i) != ' ' && words.charAt(i - 1) == ' ') {
                starts[w++] = i;
            }
        }
        starts[count] = words.length();
        return starts;
    }

    /** Appends one word (digits read as letters when it mixes both) and a space. */
    private static void append(StringBuilder out, String s, int from, int to) {
        boolean mixed = mixed(s, from, to);
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out.append(mixed && c >= '0' && c <= '9' ? LETTER[c - '0'] : c);
        }
        out.append(' ');
    }

    private static boolean mixed(String s, int from, int to) {
        boolean letter = false;
        boolean digit = false;
        for (int i = from; i < to && !(letter && digit); i++) {
            char c = s.charAt(i);
            letter |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return letter && digit;
    }
}
