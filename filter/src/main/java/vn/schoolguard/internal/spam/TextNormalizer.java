package vn.schoolguard.internal.spam;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.text.SpoofChecker;

/** Folds text for matching only (never for display): NFKC, marks, đ, invisible characters, lookalike letters. */
final class TextNormalizer {

    private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
    /** Skeletons per code point; the set of letters seen in practice is small, so the cache stays small. */
    private static final Map<Integer, String> LOOKALIKES = new ConcurrentHashMap<>();
    private static final int LOOKALIKE_CACHE_LIMIT = 20_000;
    /** {@link #latinLookalike(int)} per code point, 0 for none. */
    private static final Map<Integer, Character> LATIN_LOOKALIKES = new ConcurrentHashMap<>();
    /** Combining marks beyond this many in a row are dropped: no script needs more, and long runs make normalization quadratic. */
    private static final int MAX_MARK_RUN = 8;

    private TextNormalizer() {
    }

    /**
     * The folded form: lower case, no tone or vowel marks (so old and new tone placement, decomposed
     * and precomposed accents all agree), đ as d, invisible and bidi controls removed, fullwidth and
     * mathematical letters as ASCII, lookalike letters of other scripts as their Latin skeleton.
     * Everything else is kept, so offsets stay meaningful for separators.
     */
    static String fold(String text) {
        return fold(text, true);
    }

    /**
     * The folded form without lookalike skeletons, which depend on the ICU version; fingerprints use
     * this so that they stay the same across releases.
     */
    static String stableFold(String text) {
        return fold(text, false);
    }

    /**
     * Folds code point by code point. Decomposition works per code point, and the only thing it does across them,
     * reordering combining marks, cannot show: marks are dropped. So each code point's folded form is worked out
     * once (NFKD, marks, format characters and fillers dropped, spaces made plain, lower case, lookalikes) and
     * kept; the table is filled as characters are met (a race only computes the same immutable string twice).
     */
    private static String fold(String text, boolean lookalikes) {
        int n = text.length();
        // Straight into a char array: most code points fold to one character, and a builder's checks cost more.
        char[] out = new char[n];
        char[] singles = lookalikes ? FOLDED_SINGLE : STABLE_FOLDED_SINGLE;
        // Read from a copy of the characters: a string's charAt checks its coding and bounds at every character.
        char[] chars = text.toCharArray();
        int size = 0;
        for (int i = 0; i < n; ) {
            char c = chars[i];
            // ASCII and the other characters met before take the same path: mixed text mispredicts no branch here.
            char one = Character.isSurrogate(c) ? 0 : singles[c];
            if (one != 0) {
                if (size == out.length) {
                    out = Arrays.copyOf(out, out.length * 2 + 16);
                }
                out[size++] = one;
                i++;
                continue;
            }
            int cp = Character.codePointAt(chars, i);
            i += Character.charCount(cp);
            String folded = folded(cp, lookalikes);
            int length = folded.length();
            if (size + length > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + length) + 16);
            }
            if (length == 1) {
                out[size++] = folded.charAt(0);
            } else {
                folded.getChars(0, length, out, size);
                size += length;
            }
        }
        return new String(out, 0, size);
    }

    /** The folded form of one code point, kept for those of the Basic Multilingual Plane. */
    static String folded(int cp, boolean lookalikes) {
        if (cp > 0xFFFF) {
            return foldOne(cp, lookalikes);
        }
        String[] known = lookalikes ? FOLDED : STABLE_FOLDED;
        String folded = known[cp];
        if (folded == null) {
            folded = foldOne(cp, lookalikes);
            known[cp] = folded;
            if (folded.length() == 1 && folded.charAt(0) != 0 && !Character.isSurrogate((char) cp)) {
                (lookalikes ? FOLDED_SINGLE : STABLE_FOLDED_SINGLE)[cp] = folded.charAt(0);
            }
            if (!lookalikes && !Character.isSurrogate((char) cp)) {
                StableCompact.learn(cp, folded);
            }
        }
        return folded;
    }

    private static final String[] FOLDED = new String[0x10000];
    private static final String[] STABLE_FOLDED = new String[0x10000];
    /** The same forms where they are one character (0: not known yet, or longer or empty), read without a string. */
    private static final char[] FOLDED_SINGLE = new char[0x10000];
    private static final char[] STABLE_FOLDED_SINGLE = new char[0x10000];

    static {
        // ASCII folds by itself: controls and spaces to a space, capitals to small letters, the rest as it is.
        for (char c = 0; c < 0x80; c++) {
            char folded = c <= ' ' || c == 0x7f ? ' ' : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            FOLDED_SINGLE[c] = folded;
            STABLE_FOLDED_SINGLE[c] = folded;
        }
    }

    /** The folded form of one code point. */
    static String foldOne(int cp, boolean lookalikes) {
        String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK || type == Character.FORMAT || isFiller(c)) {
                continue;
            }
            if (type == Character.SURROGATE || c == 0xFFFD || type == Character.CONTROL
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                out.append(' ');
                continue;
            }
            int lower = Character.toLowerCase(c);
            if (lower == 'đ' || lower == 'ð' || lower == 'ɖ') {
                out.append('d');
            } else if (lower < 0x80) {
                out.append((char) lower);
            } else if (lookalikes && Character.isLetterOrDigit(lower)) {
                out.append(lookalike(lower));
            } else {
                out.appendCodePoint(lower);
            }
        }
        return out.toString();
    }

    /** Whether a string had characters that could not be decoded (U+FFFD or lone surrogates). */
    static int badCharacters(String text) {
        int bad = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE) {
                continue;
            }
            if (c == '\uFFFD') {
                bad++;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    bad++;
                }
            } else if (Character.isLowSurrogate(c)) {
                bad++;
            }
        }
        return bad;
    }

    /** Only letters and digits, folded: the input of the stable fingerprint and the run-together view. */
    static String compact(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Letters and digits with single spaces between words. */
    static String words(String folded) {
        StringBuilder out = new StringBuilder(folded.length() + 2);
        out.append(' ');
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            } else if (out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        if (out.charAt(out.length() - 1) != ' ') {
            out.append(' ');
        }
        return out.toString();
    }

    /**
     * The word view with runs of single letters or digits joined ({@code "k u w i n"} becomes
     * {@code "kuwin"}), the usual way of hiding a brand from word matching.
     */
    static String joined(String words) {
        String[] tokens = words.trim().split(" ");
        StringBuilder out = new StringBuilder(words.length());
        out.append(' ');
        int i = 0;
        while (i < tokens.length) {
            int j = i;
            while (j < tokens.length && tokens[j].length() == 1) {
                j++;
            }
            if (j - i >= 2) {
                for (int k = i; k < j; k++) {
                    out.append(tokens[k]);
                }
                out.append(' ');
                i = j;
            } else {
                out.append(tokens[i]).append(' ');
                i++;
            }
        }
        return out.toString();
    }

    static String limitMarks(String raw) {
        StringBuilder out = null;
        int run = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // Combining marks start at U+0300: below it no character needs its type looked up.
            boolean mark = Marks.isMark(c);
            run = mark ? run + 1 : 0;
            if (run > MAX_MARK_RUN) {
                if (out == null) {
                    out = new StringBuilder(raw.length()).append(raw, 0, i);
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? raw : out.toString();
    }

    private static boolean isFiller(int cp) {
        // Hangul and Braille blanks render as nothing and are used like zero-width spaces.
        return cp == 0x115F || cp == 0x1160 || cp == 0x3164 || cp == 0xFFA0 || cp == 0x2800 || cp == 0x034F;
    }

    private static String lookalike(int cp) {
        String cached = LOOKALIKES.get(cp);
        if (cached != null) {
            return cached;
        }
        String original = new String(Character.toChars(cp));
        String skeleton = SPOOF.getSkeleton(original);
        String folded = Normalizer.normalize(skeleton, Normalizer.Form.NFD).toLowerCase(java.util.Locale.ROOT);
        StringBuilder ascii = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                ascii.append(c);
            } else if (Character.getType(c) != Character.NON_SPACING_MARK) {
                ascii.setLength(0);
                break;
            }
        }
        String result = ascii.length() > 0 && ascii.length() <= 2 ? ascii.toString() : original;
        if (LOOKALIKES.size() < LOOKALIKE_CACHE_LIMIT) {
            LOOKALIKES.put(cp, result);
        }
        return result;
    }

    /**
     * The Latin letter a letter of another script is drawn like, in its own case ("В" → 'B', "о" → 'o'), or 0 when it
     * looks like none; for names written in look-alike letters ({@link SpelledOut}).
     */
    static char latinLookalike(int cp) {
        Character cached = LATIN_LOOKALIKES.get(cp);
        if (cached != null) {
            return cached;
        }
        String skeleton = SPOOF.getSkeleton(new String(Character.toChars(cp)));
        char c = skeleton.length() == 1 ? skeleton.charAt(0) : 0;
        char latin = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ? c : 0;
        if (LATIN_LOOKALIKES.size() < LOOKALIKE_CACHE_LIMIT) {
            LATIN_LOOKALIKES.put(cp, latin);
        }
        return latin;
    }

    /** A host name folded like text (lookalike letters, fullwidth dots), keeping only what a host name may hold. */
    static String compactHost(String host) {
        String folded = fold(host);
        StringBuilder out = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
                out.append(c);
            }
        }
        return out.toString();
    }
}
