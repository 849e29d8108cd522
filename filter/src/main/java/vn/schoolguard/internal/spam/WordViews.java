package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The word, joined and run-together views of a folded text, and the domain view, each built in one linear pass
 * straight into bytes (every view is ASCII): what {@link TextNormalizer#words}, {@link TextNormalizer#joined} and
 * {@link TextNormalizer#compact} give one after the other, without their intermediate strings.
 */
final class WordViews {

    /** The word view ({@code " nha cai "}). */
    final String words;
    /** The word view with runs of single letters or digits joined. */
    final String joined;
    /** Letters and digits only. */
    final String compact;
    /** The same views as bytes (one a character; the strings' lengths are the used lengths), for the byte scans. */
    final byte[] wordBytes;
    final byte[] joinedBytes;
    final byte[] compactBytes;
    /** Where the words that mix letters and digits start in the word view, in order ({@link #mixedCount} of them). */
    final int[] mixed;
    final int mixedCount;
    /** The characters of the folded text the views were made of (the domain view reads them too). */
    final char[] chars;
    /** Where the words with a digit start in the word view, in order ({@link #digitCount} of them). */
    final int[] digits;
    final int digitCount;

    private WordViews(char[] chars, String words, String joined, String compact, byte[] wordBytes, byte[] joinedBytes,
                      byte[] compactBytes, int[] mixed, int mixedCount, int[] digits, int digitCount) {
        this.chars = chars;
        this.digits = digits;
        this.digitCount = digitCount;
        this.mixed = mixed;
        this.mixedCount = mixedCount;
        this.words = words;
        this.joined = joined;
        this.compact = compact;
        this.wordBytes = wordBytes;
        this.joinedBytes = joinedBytes;
        this.compactBytes = compactBytes;
    }

    private static final int[] NO_WORDS = new int[0];

    /** The three views of a folded text. */
    static WordViews of(String folded) {
        int n = folded.length();
        byte[] words = new byte[n + 2];
        byte[] compact = new byte[n];
        int w = 0;
        int c = 0;
        words[w++] = ' ';
        Runs runs = new Runs();
        // One flat loop over a copy of the characters: the tightest form of the scan for the JIT.
        char[] chars = folded.toCharArray();
        int start = -1;
        // Words with a digit are rare: a branch that is seldom taken finds them (for the digit view, digit runs, brands).
        boolean digit = false;
        int[] digits = NO_WORDS;
        int digitCount = 0;
        for (int i = 0; i < n; i++) {
            char ch = chars[i];
            if (alnum(ch)) {
                start = start < 0 ? i : start;
                if (ch <= '9') {
                    digit = true;
                }
                words[w++] = (byte) ch;
                compact[c++] = (byte) ch;
            } else if (start >= 0) {
                words[w++] = ' ';
                runs.token(i - start);
                if (digit) {
                    digits = digitCount == digits.length ? Arrays.copyOf(digits, digitCount * 2 + 8) : digits;
                    digits[digitCount++] = w - 1 - (i - start);
                    digit = false;
                }
                start = -1;
            }
        }
        if (start >= 0) {
            words[w++] = ' ';
            runs.token(n - start);
            if (digit) {
                digits = digitCount == digits.length ? Arrays.copyOf(digits, digitCount + 1) : digits;
                digits[digitCount++] = w - 1 - (n - start);
            }
        }
        int[] mixed = new int[digitCount];
        int mixedCount = 0;
        for (int k = 0; k < digitCount; k++) {
            boolean letter = false;
            for (int j = digits[k]; words[j] != ' '; j++) {
                letter |= words[j] > '9';
            }
            if (letter) {
                mixed[mixedCount++] = digits[k];
            }
        }
        String wordView = latin1(words, w);
        String joined = runs.joined(wordView, words, w);
        return new WordViews(chars, wordView, joined, latin1(compact, c), words, runs.joinedBytes, compact, mixed, mixedCount,
                digits, digitCount);
    }

    /**
     * The domain view of a text: runs of letters, digits, dots and dashes as tokens between single spaces, runs of
     * one-character tokens joined ({@code "k u w i n . c o m"} as {@code "kuwin.com"}), tokens of single characters
     * parted by dots undotted ({@code "k.u.w.i.n . c.o.m"} as {@code "kuwin . com"}); the same as joining the view
     * that keeps those characters, undots such tokens and puts one space for any run of others.
     */
    static String domainView(CharSequence text) {
        return domainView(text.toString().toCharArray());
    }

    /** {@link #domainView(CharSequence)} of a text's characters (read from an array: no bounds check a character). */
    static String domainView(char[] text) {
        int n = text.length;
        byte[] dotted = new byte[n + 2];
        int d = 0;
        dotted[d++] = ' ';
        Runs runs = new Runs();
        int start = -1;
        for (int i = 0; i < n; i++) {
            char ch = text[i];
            if (hostChar(ch)) {
                start = start < 0 ? i : start;
                dotted[d++] = (byte) ch;
            } else if (start >= 0) {
                int from = d - (i - start);
                d = undotted(dotted, from, d);
                runs.token(d - from);
                dotted[d++] = ' ';
                start = -1;
            }
        }
        if (start >= 0) {
            int from = d - (n - start);
            d = undotted(dotted, from, d);
            runs.token(d - from);
            dotted[d++] = ' ';
        }
        return runs.joined(null, dotted, d);
    }

    /**
     * The end of the token {@code view[from, end)} once it is written without its dots if it is three or more single
     * letters or digits parted by dots ("x.o.s.o.v.i.p.7.9" as "xosovip79", "n.e.t" as "net"); {@code end} otherwise.
     * A version number or an abbreviation ("1.2.3", "t.h.c.s") becomes a word that names no domain unless a top-level
     * domain follows it.
     */
    private static int undotted(byte[] view, int from, int end) {
        int length = end - from;
        if (length < 5 || (length & 1) == 0 || view[from + 1] != '.') {
            return end;
        }
        for (int k = from; k < end; k += 2) {
            if (view[k] == '.' || view[k] == '-' || k + 1 < end && view[k + 1] != '.') {
                return end;
            }
        }
        int o = from;
        for (int k = from; k < end; k += 2) {
            view[o++] = view[k];
        }
        return o;
    }

    /**
     * Whether a view (a space, then each token followed by one space) has two one-character tokens in a row: only
     * then does its joined form differ from it.
     */
    private static final class Runs {
        private boolean any;
        private boolean previousSingle;
        private boolean joins;
        /** The bytes of the last joined form. */
        byte[] joinedBytes;

        void token(int length) {
            any = true;
            joins |= previousSingle && length == 1;
            previousSingle = length == 1;
        }

        /** The joined form of the view in {@code bytes[0, size)} ({@code view} when it is already a string). */
        String joined(String view, byte[] bytes, int size) {
            if (any && !joins) {
                joinedBytes = bytes;
                return view != null ? view : latin1(bytes, size);
            }
            // A view without tokens joins to two spaces, as the split of an empty text gives one empty token.
            if (!any) {
                joinedBytes = new byte[] {' ', ' '};
                return "  ";
            }
            // Joining a run of one-character tokens drops exactly the spaces that have a one-character token on
            // both sides (the view's tokens are separated by single spaces): one pass, one byte at a time.
            byte[] out = new byte[size + 1];
            int o = 0;
            for (int i = 0; i < size; i++) {
                byte b = bytes[i];
                out[o] = b;
                boolean drop = b == ' ' && i >= 2 && i + 2 < size && bytes[i - 2] == ' ' && bytes[i + 2] == ' ';
                o += drop ? 0 : 1;
            }
            joinedBytes = out;
            return latin1(out, o);
        }
    }

    private static String latin1(byte[] bytes, int length) {
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }

    private static boolean alnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    private static boolean hostChar(char c) {
        return alnum(c) || c == '.' || c == '-';
    }
}
