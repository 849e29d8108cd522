package vn.schoolguard.internal.spam;

import java.util.Arrays;

/** The letters and digits of a text's stable folded form, as the fingerprint hashes them, in one pass. */
final class StableCompact {

    private StableCompact() {
    }

    /**
     * Only the letters and digits of the stable folded form, as ASCII bytes: {@code TextNormalizer.compact(TextNormalizer.stableFold(text))}
     * in one pass, for the fingerprint's hash; with {@code withoutTags}, of the text with its {@link Tags} taken out
     * (a tag's space would be dropped, so the tag is skipped).
     */
    static byte[] of(String text, boolean withoutTags) {
        int n = text.length();
        byte[] out = new byte[n + 16];
        int size = 0;
        Tags tags = withoutTags ? new Tags(text) : null;
        byte[] known = STABLE_COMPACT;
        // Read from a copy of the characters: a string's charAt checks its coding and bounds at every character.
        char[] chars = text.toCharArray();
        int i = 0;
        while (i < n) {
            // A stretch up to the next '<': no tag test inside, and room for one byte a character made up front.
            int next = withoutTags ? text.indexOf('<', i) : -1;
            int stretchEnd = next < 0 ? n : next;
            // Room for one byte a character of the stretch: a known character adds at most one.
            out = ensure(out, size, stretchEnd - i);
            while (i < stretchEnd) {
                int b = known[chars[i]];
                if (b != 0) {
                    // Written always, kept only for a letter or digit (b > 0): no branch on the character's kind.
                    out[size] = (byte) b;
                    size += 1 - (b >>> 31);
                    i++;
                    continue;
                }
                int cp = Character.codePointAt(chars, i);
                i += Character.charCount(cp);
                String folded = TextNormalizer.folded(cp, false);
                for (int k = 0; k < folded.length(); k++) {
                    char f = folded.charAt(k);
                    if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
                        if (size == out.length) {
                            out = Arrays.copyOf(out, out.length * 2 + 16);
                        }
                        out[size++] = (byte) f;
                    }
                }
                // Characters that fold to several letters ("㎏") can use up the room made for the rest.
                out = ensure(out, size, stretchEnd - i);
            }
            if (i < n) {
                // At a '<': a tag is skipped (its space would be dropped); any other '<' is dropped.
                int end = tags.close(i);
                i = end >= 0 ? end + 1 : i + 1;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** {@code out}, or a longer copy, with room for {@code more} bytes after the first {@code size}. */
    private static byte[] ensure(byte[] out, int size, int more) {
        return out.length - size >= more ? out : Arrays.copyOf(out, size + more + 16);
    }

    /**
     * What each character of the Basic Multilingual Plane adds to {@link #of} where that is known and
     * at most one letter or digit: the letter or digit, -1 for none; 0 where not known yet, where it is several,
     * and for surrogates. Filled as {@link TextNormalizer} folds characters ({@link #learn}).
     */
    private static final byte[] STABLE_COMPACT = new byte[0x10000];

    /** The {@link #STABLE_COMPACT} entry of a character's stable folded form. */
    private static byte stableCompact(String folded) {
        int letters = 0;
        char letter = 0;
        for (int k = 0; k < folded.length(); k++) {
            char f = folded.charAt(k);
            if ((f >= 'a' && f <= 'z') || (f >= '0' && f <= '9')) {
                letters++;
                letter = f;
            }
        }
        return letters == 0 ? -1 : letters == 1 && folded.length() == 1 ? (byte) letter : 0;
    }

    /** Notes what a character of the Basic Multilingual Plane (not a surrogate) adds, once its stable fold is known. */
    static void learn(int cp, String folded) {
        STABLE_COMPACT[cp] = stableCompact(folded);
    }

    static {
        // ASCII folds by itself (TextNormalizer's table): known from the start.
        for (char c = 0; c < 0x80; c++) {
            STABLE_COMPACT[c] = stableCompact(TextNormalizer.stableFold(String.valueOf(c)));
        }
    }
}
