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
    /** Where the one-character words stand in the word view, in order ({@link #singleCount} of them). */
    final int[] singles;
    final int singleCount;

    private WordViews(char[] chars, String words, String joined, String compact, byte[] wordBytes, byte[] joinedBytes,
                      byte[] compactBytes, int[] mixed, int mixedCount, int[] digits, int digitCount, int[] singles,
                      int singleCount) {
        this.chars = chars;
        this.singles = singles;
        this.singleCount = singleCount;
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
                runs.token(w - 1 - (i - start), i - start);
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
            runs.token(w - 1 - (n - start), n - start);
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
                digits, digitCount, runs.singles, runs.singleCount);
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
                runs.token(from, d - from);
                dotted[d++] = ' ';
                start = -1;
            }
        }
        if (start >= 0) {
            int from = d - (n - start);
            d = undotted(dotted, from, d);
            runs.token(from, d - from);
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
     * The spaces a view's joined form drops, noted token by token as the view is written (a space, then each token
     * followed by one space): those with a one-character token on both sides. Only when there are some does the
     * joined form differ from the view.
     */
    private static final class Runs {
        private boolean any;
        private boolean previousSingle;
        /** The places of the spaces to drop, ascending ({@link #dropCount} of them). */
        private int[] drops = NO_WORDS;
        private int dropCount;
        /** The places of the one-character tokens, ascending ({@link #singleCount} of them). */
        int[] singles = NO_WORDS;
        int singleCount;
        /** The bytes of the last joined form. */
        byte[] joinedBytes;

        /** A token of {@code length} characters starting at {@code start} of the view. */
        void token(int start, int length) {
            any = true;
            if (length == 1) {
                if (singleCount == singles.length) {
                    singles = Arrays.copyOf(singles, singleCount * 2 + 8);
                }
                singles[singleCount++] = start;
                if (previousSingle) {
                    if (dropCount == drops.length) {
                        drops = Arrays.copyOf(drops, dropCount * 2 + 8);
                    }
                    drops[dropCount++] = start - 1;
                }
            }
            previousSingle = length == 1;
        }

        /** The joined form of the view in {@code bytes[0, size)} ({@code view} when it is already a string). */
        String joined(String view, byte[] bytes, int size) {
            if (any && dropCount == 0) {
                joinedBytes = bytes;
                return view != null ? view : latin1(bytes, size);
            }
            // A view without tokens joins to two spaces, as the split of an empty text gives one empty token.
            if (!any) {
                joinedBytes = new byte[] {' ', ' '};
                return "  ";
            }
            // The stretches between the dropped spaces, copied whole.
            byte[] out = new byte[size + 1];
            int o = 0;
            int from = 0;
            for (int k = 0; k < dropCount; k++) {
                int length = drops[k] - from;
                System.arraycopy(bytes, from, out, o, length);
                o += length;
                from = drops[k] + 1;
            }
            System.arraycopy(bytes, from, out, o, size - from);
            o += size - from;
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
