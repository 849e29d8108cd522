package vn.schoolguard.internal.spam;

/**
 * The word view with digits read as the letters they imitate inside words that mix both ("nh4 c41" is
 * "nha cai", "v1p" is "vip", "7ruc ti3p" is "truc tiep"): the phrase automaton scans it as one more view.
 * Words of digits alone (prices, phone numbers, scores) are left as they are.
 */
final class LeetView {

    /** The letter each digit stands for, by digit: 0→o, 1→i, 2→z, 3→e, 4→a, 5→s, 6→g, 7→t, 8→b, 9→g. */
    private static final char[] LETTER = {'o', 'i', 'z', 'e', 'a', 's', 'g', 't', 'b', 'g'};

    private LeetView() {
    }

    /** The view of a word view ({@link TextNormalizer#words}), or null when no word mixes letters and digits. */
    static String of(String words) {
        char[] out = null;
        int start = 0;
        for (int i = 0; i <= words.length(); i++) {
            if (i < words.length() && words.charAt(i) != ' ') {
                continue;
            }
            if (mixed(words, start, i)) {
                if (out == null) {
                    out = words.toCharArray();
                }
                for (int k = start; k < i; k++) {
                    char c = out[k];
                    if (c >= '0' && c <= '9') {
                        out[k] = LETTER[c - '0'];
                    }
                }
            }
            start = i + 1;
        }
        return out == null ? null : new String(out);
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
