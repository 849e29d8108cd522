package vn.schoolguard.internal.spam;

import java.util.Locale;

/**
 * Contacts disguised to pass a filter: Telegram links with a disguised dot, links into Zalo chats, and domains whose
 * dot is an invisible character or whose top-level domain has a digit for a letter (phone numbers: {@link
 * PhoneTargets}). One scan from each "/", ".", "zalo.me/" or invisible character, no regex.
 */
final class ContactTargets {

    private ContactTargets() {
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

    /** The shortest label before a disguised dot: "abc" and longer, as betting domains are named. */
    private static final int MIN_LABEL = 3;
    private static final int MAX_LABEL = 40;
    /** The longest top-level domain looked at ("online"). */
    private static final int MAX_TLD = 6;

    /**
     * Whether the visible text names a domain with an invisible character for its dot ("thienphu86\u200Bcom"): the
     * folded views drop such characters, and the domain with them. The label is at least {@value #MIN_LABEL} ASCII
     * letters or digits, the top-level domain one of {@link Analysis#SAFE_TLDS} (never a Vietnamese word), in ASCII,
     * both whole words. Looked for from each of the {@link #INVISIBLE} characters, found by {@code indexOf}.
     */
    static boolean invisibleDot(String visible) {
        for (char invisible : INVISIBLE) {
            for (int at = visible.indexOf(invisible); at >= 0; at = visible.indexOf(invisible, at + 1)) {
                if (dotAt(visible, at)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The invisible characters put inside words to pass a filter: zero-width space, non-joiner and joiner, word joiner,
     * byte order mark and soft hyphen (every one the corpus's spam uses).
     */
    private static final char[] INVISIBLE = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD'};

    /** Whether the invisible character at {@code at} stands between a label and a top-level domain. */
    private static boolean dotAt(String visible, int at) {
        int labelStart = at;
        while (labelStart > 0 && asciiLetterOrDigit(visible.charAt(labelStart - 1)) && at - labelStart < MAX_LABEL) {
            labelStart--;
        }
        if (at - labelStart < MIN_LABEL || !wordStart(visible, labelStart)) {
            return false;
        }
        int tldStart = at + 1;
        while (tldStart < visible.length() && invisible(visible.charAt(tldStart)) && tldStart - at < MAX_TLD) {
            tldStart++;
        }
        int tldEnd = tldStart;
        while (tldEnd < visible.length() && asciiLetter(visible.charAt(tldEnd)) && tldEnd - tldStart <= MAX_TLD) {
            tldEnd++;
        }
        return tldEnd - tldStart <= MAX_TLD && wordEnd(visible, tldEnd)
                && Analysis.SAFE_TLDS.contains(visible.substring(tldStart, tldEnd).toLowerCase(Locale.ROOT));
    }

    /**
     * Whether the folded text names a domain whose top-level domain has digits for letters ("th13nphu86.c0m",
     * "kimsu.v1p"): a label with a letter, a dot, then two to six letters and digits with at least one digit that
     * read, digits as the letters they stand for, as one of {@link Analysis#SAFE_TLDS}.
     */
    static boolean leetTld(String folded) {
        int n = folded.length();
        for (int dot = folded.indexOf('.'); dot >= 0; dot = folded.indexOf('.', dot + 1)) {
            int labelStart = dot;
            while (labelStart > 0 && asciiLetterOrDigit(folded.charAt(labelStart - 1)) && dot - labelStart < MAX_LABEL) {
                labelStart--;
            }
            if (dot - labelStart < 2 || !wordStart(folded, labelStart) || !hasLetter(folded, labelStart, dot)) {
                // "10.c0m" is a typo after a number, not a site.
                continue;
            }
            int end = dot + 1;
            int digits = 0;
            while (end < n && asciiLetterOrDigit(folded.charAt(end)) && end - dot <= MAX_TLD) {
                digits += folded.charAt(end++) <= '9' ? 1 : 0;
            }
            int length = end - dot - 1;
            if (digits > 0 && digits < length && length >= 2 && length <= MAX_TLD && wordEnd(folded, end)
                    && Analysis.SAFE_TLDS.contains(unleet(folded, dot + 1, end))) {
                return true;
            }
        }
        return false;
    }

    /** {@code s[from, to)} with each digit as the letter it stands for. */
    private static String unleet(String s, int from, int to) {
        char[] out = new char[to - from];
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            out[i - from] = c <= '9' ? LEET.charAt(c - '0') : c;
        }
        return new String(out);
    }

    /** The letter each digit 0–9 stands for in leet spelling ('-': none, and no top-level domain has one). */
    private static final String LEET = "oi-eas-tb-";

    private static boolean invisible(char c) {
        for (char invisible : INVISIBLE) {
            if (c == invisible) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordStart(String s, int at) {
        return at == 0 || !Character.isLetterOrDigit(s.charAt(at - 1)) && s.charAt(at - 1) != '-';
    }

    private static boolean wordEnd(String s, int at) {
        return at >= s.length() || !Character.isLetterOrDigit(s.charAt(at));
    }

    private static boolean hasLetter(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (asciiLetter(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean asciiLetterOrDigit(char c) {
        return asciiLetter(c) || c >= '0' && c <= '9';
    }

    /**
     * Whether the folded text links to a Zalo chat or group ("zalo.me/0389xxx417", "zalo.me/g/keovip"): zalo.me is
     * an allowed host, so its links are no link target, but a link into it is an invitation to chat.
     */
    static boolean zaloLink(String folded) {
        for (int at = folded.indexOf(ZALO); at >= 0; at = folded.indexOf(ZALO, at + 1)) {
            int path = at + ZALO.length();
            if ((at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1))) && path < folded.length()
                    && Character.isLetterOrDigit(folded.charAt(path))) {
                return true;
            }
        }
        return false;
    }

    private static final String ZALO = "zalo.me/";

    /** The last index at or before {@code from} that is not a space (-1 when none). */
    private static int skipSpaces(String s, int from) {
        int j = from;
        while (j >= 0 && s.charAt(j) == ' ') {
            j--;
        }
        return j;
    }
}
