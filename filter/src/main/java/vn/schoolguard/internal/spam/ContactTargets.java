package vn.schoolguard.internal.spam;

/**
 * Contacts disguised to pass a filter: mobile numbers with digits hidden and Telegram links with a disguised dot.
 * One scan from each "xx" or "/", no regex.
 */
final class ContactTargets {

    /** Digits and hidden digits a masked mobile number holds together: "0388xxx519" has ten. */
    private static final int MIN_MASKED = 9;
    private static final int MAX_MASKED = 12;
    /** Digits a masked number shows at least: "09xx xxx xxx" reveals nothing to reach. */
    private static final int MIN_SHOWN = 3;

    /** Groups a number is written in at most ("0912 xxx 519" has three). */
    private static final int MAX_GROUPS = 4;

    private ContactTargets() {
    }

    /**
     * Whether the folded text holds a mobile number with digits hidden ("0388xxx519", "0973.xxx.686",
     * "0387 xx 5656"): digits and x's, nine to twelve in all, in up to {@value #MAX_GROUPS} groups joined by single
     * spaces, dots or dashes, starting with 0 or 8. Found from each "xx", which ordinary text seldom holds; only the
     * groups next to it are read.
     */
    static boolean maskedPhone(String folded) {
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

    private static boolean phoneChar(char c) {
        return c >= '0' && c <= '9' || c == 'x';
    }

    private static boolean separator(char c) {
        return c == ' ' || c == '.' || c == '-';
    }

    /**
     * Whether the folded text links to a Telegram chat, also with its dot disguised: "t.me/", "t . m e /",
     * "t[.]me/", "t(.)me/", "t cham me/". Looked for from each "/".
     */
    static boolean telegramLink(String folded) {
        for (int at = folded.indexOf('/'); at >= 0; at = folded.indexOf('/', at + 1)) {
            int j = skipSpaces(folded, at - 1);
            if (j < 0 || folded.charAt(j) != 'e') {
                continue;
            }
            j = skipSpaces(folded, j - 1);
            if (j < 0 || folded.charAt(j) != 'm') {
                continue;
            }
            j--;
            int dots = 0;
            while (j >= 0 && " .[]()".indexOf(folded.charAt(j)) >= 0 && dots < 6) {
                dots += folded.charAt(j) == '.' ? 1 : 0;
                j--;
            }
            if (dots == 0 && j >= 4 && folded.startsWith(" cham", j - 4)) {
                dots = 1;
                j = skipSpaces(folded, j - 5);
            }
            if (dots > 0 && j >= 0 && folded.charAt(j) == 't' && (j == 0 || !Character.isLetterOrDigit(folded.charAt(j - 1)))) {
                return true;
            }
        }
        return false;
    }

    /** The last index at or before {@code from} that is not a space (-1 when none). */
    private static int skipSpaces(String s, int from) {
        int j = from;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        return j;
    }
}
