package vn.schoolguard.internal.spam;

import java.util.Arrays;

/**
 * Necessary conditions of the three domain patterns of {@link Analysis}, found in one pass over the domain view: a
 * top-level domain right after a dot (tight), after a dot, "cham" or "dot" with at most a space between (loose), or
 * after a space and a label with a digit or a betting suffix (spaced). Most texts name no domain, and then no pattern
 * needs to run; when a condition holds the pattern runs as before, so what is found never changes.
 */
final class DomainHints {

    static final int TIGHT = 0;
    static final int LOOSE = 1;
    static final int SPACED = 2;

    private static final int TLD = 1;
    private static final int SAFE = 2;
    /** Top-level domains by {@link #code}, open addressing: a word is looked up without a substring or a string hash. */
    private static final int SLOTS = 256;
    private static final long[] KEYS = new long[SLOTS];
    private static final byte[] KINDS = new byte[SLOTS];

    /** The first two characters of every top-level domain: most words start otherwise and need no lookup. */
    private static final boolean[] PREFIXES = new boolean[1 << 14];

    static {
        Analysis.TLDS.forEach(tld -> insert(tld, TLD));
        Analysis.SAFE_TLDS.forEach(tld -> insert(tld, SAFE));
        Analysis.TLDS.forEach(tld -> PREFIXES[prefix(tld, 0)] = true);
        Analysis.SAFE_TLDS.forEach(tld -> PREFIXES[prefix(tld, 0)] = true);
    }

    /** The first two characters at {@code start} (there are at least two, both ASCII letters or digits) as a number. */
    private static int prefix(String text, int start) {
        return (text.charAt(start) & 0x7f) << 7 | (text.charAt(start + 1) & 0x7f);
    }

    private final boolean[] may = new boolean[3];
    /** Per pattern, where the runs that met its condition start ({@link #counts} of them), in the order found. */
    private final int[][] places = {new int[8], new int[8], new int[8]};
    private final int[] counts = new int[3];

    DomainHints() {
    }

    /**
     * The hints for {@code plain}: lower-case letters, digits, dots, dashes and single spaces. Only a run of letters
     * and digits right after a dot, a dot and a space, " cham " or " dot ", or after a space ending a label with a
     * digit or a betting suffix can meet a condition; those places are found by the JDK's searches for a dot, the
     * words, the suffixes and each digit, and each run there is looked at as a scan of every run would look at it.
     */
    static DomainHints of(String plain) {
        DomainHints hints = new DomainHints();
        int n = plain.length();
        for (int dot = plain.indexOf('.'); dot >= 0; dot = plain.indexOf('.', dot + 1)) {
            hints.at(plain, dot + 1);
            if (dot + 1 < n && plain.charAt(dot + 1) == ' ') {
                hints.at(plain, dot + 2);
            }
        }
        for (String before : AFTER) {
            for (int at = plain.indexOf(before); at >= 0; at = plain.indexOf(before, at + 1)) {
                hints.at(plain, at + before.length());
            }
        }
        for (char digit = '0'; digit <= '9'; digit++) {
            for (int at = plain.indexOf(digit); at >= 0; at = plain.indexOf(digit, at + 1)) {
                int end = at;
                while (end < n && alnum(plain.charAt(end))) {
                    end++;
                }
                if (end < n && plain.charAt(end) == ' ') {
                    hints.at(plain, end + 1);
                }
                at = end;
            }
        }
        return hints;
    }

    /** What a run may follow to meet a condition (a dot aside), with the space after it. */
    private static final String[] AFTER = {" cham ", " dot ", "bet ", "win ", "club ", "vip "};

    /** Looks at the run starting at {@code start}, if one does, with the run before it. */
    private void at(String plain, int start) {
        int n = plain.length();
        if (start >= n || !alnum(plain.charAt(start)) || start > 0 && alnum(plain.charAt(start - 1))) {
            return;
        }
        int end = start;
        while (end < n && alnum(plain.charAt(end))) {
            end++;
        }
        int previousEnd = start;
        while (previousEnd > 0 && !alnum(plain.charAt(previousEnd - 1))) {
            previousEnd--;
        }
        int previousStart = previousEnd;
        while (previousStart > 0 && alnum(plain.charAt(previousStart - 1))) {
            previousStart--;
        }
        // No run before this one: as the scan of every run passes it.
        boolean first = previousEnd == 0;
        look(plain, start, end, first ? -1 : previousStart, first ? -1 : previousEnd);
    }

    boolean mayMatch(int pattern) {
        return may[pattern];
    }

    /**
     * Looks at the run of letters and digits {@code [start, end)}, the run before it being {@code [ps, pe)} (-1 for
     * none); package-private for the scan of every run that tests hold {@link #of} to.
     */
    void look(String plain, int start, int end, int ps, int pe) {
        if (end - start < Analysis.SHORTEST_TLD || end - start > Analysis.LONGEST_TLD || !PREFIXES[prefix(plain, start)]) {
            return;
        }
        int kind = kind(code(plain, start, end));
        boolean tld = (kind & TLD) != 0;
        boolean safe = (kind & SAFE) != 0;
        if (!tld && !safe) {
            return;
        }
        char before = start > 0 ? plain.charAt(start - 1) : ' ';
        char twoBefore = start > 1 ? plain.charAt(start - 2) : ' ';
        boolean labelRightBefore = pe >= 0 && pe == start - 1;
        boolean afterDot = before == '.' || before == ' ' && twoBefore == '.';
        boolean afterWord = plain.startsWith(" cham ", start - 6) || plain.startsWith(" dot ", start - 5);
        note(TIGHT, start, tld && before == '.' && labelRightBefore);
        note(LOOSE, start, safe && (afterDot || afterWord));
        note(SPACED, start, safe && before == ' ' && pe == start - 1 && spacedLabel(plain, ps, pe));
    }

    private void note(int pattern, int start, boolean met) {
        if (!met) {
            return;
        }
        may[pattern] = true;
        if (counts[pattern] == places[pattern].length) {
            places[pattern] = Arrays.copyOf(places[pattern], counts[pattern] * 2);
        }
        places[pattern][counts[pattern]++] = start;
    }

    /**
     * Where a match of {@code pattern} can be in a view of {@code length} characters: {@code [start, end)} pairs in
     * text order, not overlapping, each the union of {@code [place - before, place + after)} (cut to the view) of
     * the places whose run met the pattern's condition and whose spans overlap. Every match of the pattern has its
     * top-level domain at such a place (the condition is necessary, see {@link #of}) and, when it starts at most
     * {@code before} characters before it and ends at most {@code after} after it, lies wholly in one window.
     */
    int[] windows(int pattern, int length, int before, int after) {
        int[] at = Arrays.copyOf(places[pattern], counts[pattern]);
        Arrays.sort(at);
        int[] windows = new int[2 * at.length];
        int w = 0;
        for (int place : at) {
            int start = Math.max(0, place - before);
            int end = Math.min(length, place + after);
            if (w > 0 && start <= windows[w - 1]) {
                windows[w - 1] = Math.max(windows[w - 1], end);
            } else {
                windows[w++] = start;
                windows[w++] = end;
            }
        }
        return Arrays.copyOf(windows, w);
    }

    /** The label of the spaced pattern: with a digit, or ending in a betting word. */
    private static boolean spacedLabel(String plain, int start, int end) {
        for (int i = start; i < end; i++) {
            if (plain.charAt(i) >= '0' && plain.charAt(i) <= '9') {
                return true;
            }
        }
        return endsWith(plain, start, end, "bet") || endsWith(plain, start, end, "win") || endsWith(plain, start, end, "club")
                || endsWith(plain, start, end, "vip");
    }

    private static boolean endsWith(String plain, int start, int end, String suffix) {
        return end - start >= suffix.length() && plain.startsWith(suffix, end - suffix.length());
    }

    /**
     * A run of at most {@link Analysis#LONGEST_TLD} letters and digits as a number, six bits a character, so that
     * the top-level domains are looked up without a substring per word.
     */
    static long code(CharSequence text, int start, int end) {
        long code = 0;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            code = code << 6 | (c >= 'a' ? c - 'a' + 1 : c - '0' + 27);
        }
        return code;
    }

    /** Whether the run of {@link #code} is one of {@link Analysis#TLDS}. */
    static boolean isTld(long code) {
        return (kind(code) & TLD) != 0;
    }

    /** Whether the run of {@link #code} is one of {@link Analysis#SAFE_TLDS}. */
    static boolean isSafeTld(long code) {
        return (kind(code) & SAFE) != 0;
    }

    private static int kind(long code) {
        for (int i = slot(code); KINDS[i] != 0; i = (i + 1) & (SLOTS - 1)) {
            if (KEYS[i] == code) {
                return KINDS[i];
            }
        }
        return 0;
    }

    private static void insert(String word, int kind) {
        long code = code(word, 0, word.length());
        int i = slot(code);
        while (KINDS[i] != 0 && KEYS[i] != code) {
            i = (i + 1) & (SLOTS - 1);
        }
        KEYS[i] = code;
        KINDS[i] |= (byte) kind;
    }

    private static int slot(long code) {
        return (int) ((code * 0x9E3779B97F4A7C15L) >>> 56);
    }

    private static boolean alnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }
}
