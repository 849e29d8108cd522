package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;

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

    private WordViews(String words, String joined, String compact) {
        this.words = words;
        this.joined = joined;
        this.compact = compact;
    }

    /** The three views of a folded text. */
    static WordViews of(String folded) {
        int n = folded.length();
        byte[] words = new byte[n + 2];
        byte[] joined = new byte[n + 3];
        byte[] compact = new byte[n];
        int w = 0;
        int c = 0;
        words[w++] = ' ';
        Joiner joiner = new Joiner(joined);
        int i = 0;
        while (i < n) {
            if (!alnum(folded.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            char ch;
            while (i < n && alnum(ch = folded.charAt(i))) {
                words[w++] = (byte) ch;
                compact[c++] = (byte) ch;
                i++;
            }
            words[w++] = ' ';
            joiner.token(folded, start, i);
        }
        return new WordViews(latin1(words, w), joiner.finish(), latin1(compact, c));
    }

    /**
     * The domain view of a text: runs of letters, digits, dots and dashes as tokens between single spaces, runs of
     * one-character tokens joined ({@code "k u w i n . c o m"} as {@code "kuwin.com"}); the same as joining the view
     * that keeps those characters and puts one space for any run of others.
     */
    static String domainView(CharSequence text) {
        int n = text.length();
        Joiner joiner = new Joiner(new byte[n + 3]);
        int i = 0;
        while (i < n) {
            if (!hostChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && hostChar(text.charAt(i))) {
                i++;
            }
            joiner.token(text, start, i);
        }
        return joiner.finish();
    }

    /**
     * Writes the joined view token by token: a token of one character is written without the space after it, so
     * a run of them comes out run together, and the space follows the run.
     */
    private static final class Joiner {
        private final byte[] out;
        private int size;
        private boolean inRun;
        private boolean any;

        Joiner(byte[] out) {
            this.out = out;
            out[size++] = ' ';
        }

        void token(CharSequence text, int start, int end) {
            any = true;
            if (end - start == 1) {
                out[size++] = (byte) text.charAt(start);
                inRun = true;
                return;
            }
            if (inRun) {
                out[size++] = ' ';
                inRun = false;
            }
            for (int k = start; k < end; k++) {
                out[size++] = (byte) text.charAt(k);
            }
            out[size++] = ' ';
        }

        String finish() {
            // A text without tokens joins to two spaces, as the split of an empty text gives one empty token.
            if (inRun || !any) {
                out[size++] = ' ';
            }
            return latin1(out, size);
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
