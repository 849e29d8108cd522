package vn.schoolguard.internal.spam;

import java.util.Arrays;

/**
 * Where a text's last sentences start, for reading an ad posted after an ordinary comment on its own ("Cảm ơn
 * thầy cô… P/s: cho vay qua app…"): the greeting's words would otherwise outweigh the ad's.
 */
final class Tails {

    /** The most tails read of one text. */
    static final int MAX_TAILS = 8;
    /** A shorter tail is too little to read alone. */
    static final int MIN_TAIL = 40;

    private Tails() {
    }

    /**
     * The start offsets of the text's tails, shortest first: each begins after a sentence end (". ", "! ", "? " or a
     * line break), starts with a word or a tag after its leading space and runs to the end, at least
     * {@value #MIN_TAIL} characters; at most {@value #MAX_TAILS}, and never the whole text.
     */
    static int[] starts(String text) {
        int first = 0;
        while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
            first++;
        }
        int[] starts = new int[MAX_TAILS];
        int count = 0;
        // Walking back, the first non-space character after position i is known without looking ahead again.
        int next = text.length();
        for (int i = text.length() - 2; i > first && count < MAX_TAILS; i--) {
            if (!Character.isWhitespace(text.charAt(i + 1))) {
                next = i + 1;
            }
            if (endsSentence(text, i) && next < text.length() && text.length() - next >= MIN_TAIL && startsWords(text, next)
                    && (count == 0 || starts[count - 1] != next)) {
                starts[count++] = next;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /** Whether a tail starts with a word or a tag (not with more punctuation, as in ". . . ."). */
    private static boolean startsWords(String text, int start) {
        int c = text.codePointAt(start);
        return c == '<' || Character.isLetterOrDigit(c);
    }

    /**
     * Not a colon: what follows one is what the sentence before it introduces, often the quoted ad of a warning
     * ("Phòng GD nhắc các trường: loại tin 'tuyển CTV…' thường dẫn tới web cờ bạc"), not a new post.
     */
    private static boolean endsSentence(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return true;
        }
        return (c == '.' || c == '!' || c == '?') && Character.isWhitespace(text.charAt(i + 1));
    }
}
