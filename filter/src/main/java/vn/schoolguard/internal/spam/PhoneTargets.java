package vn.schoolguard.internal.spam;

import java.util.Set;

/**
 * Mobile numbers disguised to pass a filter: with digits hidden ("0388xxx519", "0 9 0 9 x x x 4 1 7", "0988***216")
 * or spelled out in words ("không chín một hai…"). One scan from each "xx" or "khong", and one pass for numbers
 * written a digit at a time; no regex.
 */
final class PhoneTargets {

    /** Digits and hidden digits a masked mobile number holds together: "0388xxx519" has ten. */
    private static final int MIN_MASKED = 9;
    private static final int MAX_MASKED = 12;
    /** Digits a masked number shows at least: "09xx xxx xxx" reveals nothing to reach. */
    private static final int MIN_SHOWN = 3;

    /** Groups a number is written in at most ("0912 xxx 519" has three). */
    private static final int MAX_GROUPS = 4;
    /**
     * The digits' names, folded: không, một (mốt), hai, ba, bốn (tư), năm (lăm), sáu, bảy (bẩy), tám, chín, and
     * "linh" for a zero inside a number.
     */
    private static final Set<String> DIGIT_NAMES = Set.of("khong", "mot", "hai", "ba", "bon", "tu", "nam", "lam", "sau",
            "bay", "tam", "chin", "linh");
    /** Spaces, dots or dashes between two digits of a number written a digit at a time ("0941 . xxx"). */
    private static final int MAX_GAP = 3;

    private PhoneTargets() {
    }

    /**
     * Whether the folded text holds a mobile number with digits hidden: in groups ({@link #groupedMasked}), or one
     * digit at a time or with stars for the hidden digits ({@link #spacedMasked}).
     */
    static boolean maskedPhone(String folded) {
        return groupedMasked(folded) || spacedMasked(folded);
    }

    /**
     * Whether the folded text holds a mobile number with digits hidden ("0388xxx519", "0973.xxx.686",
     * "0387 xx 5656"): digits and x's, nine to twelve in all, in up to {@value #MAX_GROUPS} groups joined by single
     * spaces, dots or dashes, starting with 0 or 8. Found from each "xx", which ordinary text seldom holds; only the
     * groups next to it are read.
     */
    private static boolean groupedMasked(String folded) {
        int n = folded.length();
        for (int at = folded.indexOf("xx"); at >= 0; at = folded.indexOf("xx", at + 2)) {
            int[] starts = new int[MAX_GROUPS];
            int before = 0;
            for (int i = at; before < MAX_GROUPS; ) {
                while (i > 0 && phoneChar(folded.charAt(i - 1))) {
                    i--;
                }
                starts[before++] = i;
                if (i < 2 || !separator(folded.charAt(i - 1)) || !phoneChar(folded.charAt(i - 2))) {
                    break;
                }
                i -= 1;
            }
            int[] ends = new int[MAX_GROUPS];
            int after = 0;
            for (int i = at; after < MAX_GROUPS; ) {
                while (i < n && phoneChar(folded.charAt(i))) {
                    i++;
                }
                ends[after++] = i;
                if (i + 1 >= n || !separator(folded.charAt(i)) || !phoneChar(folded.charAt(i + 1))) {
                    break;
                }
                i += 1;
            }
            for (int b = 0; b < before; b++) {
                for (int e = 0; e < after && b + e < MAX_GROUPS; e++) {
                    if (number(folded, starts[b], ends[e])) {
                        return true;
                    }
                }
            }
            at = Math.max(at, ends[0] - 2);
        }
        return false;
    }

    /** Whether {@code s[from, to)}, a run of groups, is a whole masked mobile number: nothing beside it extends it. */
    private static boolean number(String s, int from, int to) {
        char first = s.charAt(from);
        return (first == '0' || first == '8') && !extendsRun(s, from - 1, from - 2) && !extendsRun(s, to, to + 1)
                && masked(s, from, to);
    }

    /**
     * Whether the character at {@code next}, just outside a run, extends it: a letter or digit, or a dot or dash with
     * a digit or x at {@code beyond} (a space may part two numbers, "0388xxx519 0977xxx123").
     */
    private static boolean extendsRun(String s, int next, int beyond) {
        if (next < 0 || next >= s.length()) {
            return false;
        }
        char c = s.charAt(next);
        return Character.isLetterOrDigit(c)
                || (c == '.' || c == '-') && beyond >= 0 && beyond < s.length() && phoneChar(s.charAt(beyond));
    }

    /** Whether {@code s[from, to)} holds enough shown and hidden digits. */
    private static boolean masked(String s, int from, int to) {
        int shown = 0;
        int hidden = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            shown += c >= '0' && c <= '9' ? 1 : 0;
            hidden += c == 'x' ? 1 : 0;
        }
        return shown >= MIN_SHOWN && hidden >= 2 && shown + hidden >= MIN_MASKED && shown + hidden <= MAX_MASKED;
    }

    /**
     * Whether the folded text holds a masked mobile number written the ways {@link #groupedMasked} does not read:
     * a digit or hidden digit at a time ("0 9 0 9 x x x 4 1 7", "0 3 7 x 5 5 9 x 2 0"), stars for the hidden digits
     * ("0988***216", "0 9 8 8 * * * 2 1 6"), or groups parted by a dot between spaces ("0 9 4 1 . x x x . 7 0 3").
     * Digits, stars and x's that are no part of a word, parted by up to {@value #MAX_GAP} spaces, dots or dashes, make
     * a run; a run of nine to twelve, starting with 0 or 8, with at least {@value #MIN_SHOWN} digits and one hidden
     * ("0 3 5 9 . 7 7 x . 2 1 0"), is a number. One pass; a run longer than a number (two numbers side by side) is
     * {@link #groupedMasked}'s.
     */
    private static boolean spacedMasked(String folded) {
        int n = folded.length();
        int length = 0;
        int shown = 0;
        int gap = 0;
        char first = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? folded.charAt(i) : '#';
            boolean digit = c >= '0' && c <= '9';
            if (digit || hiddenDigit(folded, i)) {
                if (length == 0) {
                    if (i > 0 && Character.isLetterOrDigit(folded.charAt(i - 1))) {
                        // Inside a word or a longer number: no run starts here.
                        continue;
                    }
                    first = c;
                    shown = 0;
                }
                length++;
                shown += digit ? 1 : 0;
                gap = 0;
                continue;
            }
            if (length > 0 && separator(c) && gap < MAX_GAP) {
                gap++;
                continue;
            }
            boolean bounded = gap > 0 || !Character.isLetter(c);
            if (bounded && (first == '0' || first == '8') && length >= MIN_MASKED && length <= MAX_MASKED
                    && shown >= MIN_SHOWN && length > shown) {
                return true;
            }
            length = 0;
            gap = 0;
        }
        return false;
    }

    /** Whether {@code s[at]} hides a digit: a star, or an x that is no part of a word. */
    private static boolean hiddenDigit(String s, int at) {
        if (at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        if (c == '*') {
            return true;
        }
        return c == 'x' && !wordLetter(s, at - 1) && !wordLetter(s, at + 1);
    }

    /** Whether {@code s[at]} is a letter other than x (x's stand together in "0388xxx519"). */
    private static boolean wordLetter(String s, int at) {
        return at >= 0 && at < s.length() && s.charAt(at) != 'x' && Character.isLetter(s.charAt(at));
    }

    private static boolean phoneChar(char c) {
        return c >= '0' && c <= '9' || c == 'x';
    }

    /** A space, dot or dash (also an en or em dash, "0.9.3.9 – x.x.x – 5.6.8") between a number's groups. */
    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-' || c == '\u2013' || c == '\u2014';
    }

    /**
     * Whether the word view holds a mobile number spelled out in words: "không chín một hai – bảy bảy – tám tám –
     * chín chín" (0912 77 88 99). Nine to twelve digits, each a digit's name or written as digits, from a "không"
     * that starts a number to the first other word. Nine names of digits in a row do not occur in prose ("không
     * một ai" stops at "ai"). Looked for from each "khong". One digit's name just before it is a name by birth order
     * ("liên hệ chị Hai: không chín tám…", "anh Ba", "chú Tư"), not a digit of the number.
     */
    static boolean spelledPhone(String words) {
        for (int at = words.indexOf(" khong "); at >= 0; at = words.indexOf(" khong ", at + 1)) {
            int before = words.lastIndexOf(' ', at - 1) + 1;
            if (at > 0 && digitsOf(words, before, at) > 0 && !birthOrderName(words, before, at)) {
                // Inside a longer run of digits: it starts no number.
                continue;
            }
            int digits = 0;
            int i = at + 1;
            while (i < words.length() && digits <= MAX_MASKED) {
                int end = words.indexOf(' ', i);
                if (end < 0) {
                    break;
                }
                int named = digitsOf(words, i, end);
                if (named == 0) {
                    break;
                }
                digits += named;
                i = end + 1;
            }
            if (digits >= MIN_MASKED && digits <= MAX_MASKED) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code words[from, to)} is a digit's name that no other digit precedes: a name, as "Hai" in "chị Hai". */
    private static boolean birthOrderName(String words, int from, int to) {
        if (!DIGIT_NAMES.contains(words.substring(from, to))) {
            return false;
        }
        return from < 2 || digitsOf(words, words.lastIndexOf(' ', from - 2) + 1, from - 1) == 0;
    }

    /** The digits the word {@code words[from, to)} stands for: one for a digit's name, its length for digits, else 0. */
    private static int digitsOf(String words, int from, int to) {
        boolean allDigits = true;
        for (int i = from; i < to && allDigits; i++) {
            allDigits = words.charAt(i) >= '0' && words.charAt(i) <= '9';
        }
        if (allDigits) {
            return to - from;
        }
        return DIGIT_NAMES.contains(words.substring(from, to)) ? 1 : 0;
    }
}
