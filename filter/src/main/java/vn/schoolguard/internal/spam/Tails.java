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
     * line break) outside any quotation ({@link QuotedTargets#unquoted}), starts with a word or a tag after its leading
     * space and runs to the end, at least {@value #MIN_TAIL} characters; at most {@value #MAX_TAILS}, and never the
     * whole text.
     */
    static int[] starts(String text) {
        // A sentence inside a quotation is part of what the text quotes, not a post of its own.
        String unquoted = QuotedTargets.unquoted(text);
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
                    && (count == 0 || starts[count - 1] != next) && (unquoted == null || unquoted.charAt(next) != ' ')) {
                starts[count++] = next;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * Whether a tail starts with a word or a tag (not with more punctuation, as in ". . . ."), and not with a list
     * item's mark ("c) …", "2. …"): an option of an exercise or a point of a notice is not a new post.
     */
    private static boolean startsWords(String text, int start) {
        int c = text.codePointAt(start);
        return c == '<' || Character.isLetterOrDigit(c) && !listItem(text, start);
    }

    /** Whether {@code text} has a list mark at {@code start}: a letter or one or two digits, ")" or ".", a space. */
    private static boolean listItem(String text, int start) {
        int end = start + 1;
        if (Character.isDigit(text.charAt(start)) && end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        } else if (Character.isLetter(text.charAt(start)) && end < text.length() && Character.isLetter(text.charAt(end))) {
            return false;
        }
        return end + 1 < text.length() && (text.charAt(end) == ')' || text.charAt(end) == '.')
                && Character.isWhitespace(text.charAt(end + 1));
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
        boolean mark = c == '.' && !endsListMark(text, i) && !endsInitial(text, i) || c == '!' || c == '?';
        return mark && Character.isWhitespace(text.charAt(i + 1));
    }

    /**
     * Whether the dot at {@code dot} ends a name's initial ("Lê Văn K. đặt cược…", "chị H. cho biết"): a capital
     * letter standing alone. Police and court news name people that way; what follows is the same sentence.
     */
    private static boolean endsInitial(String text, int dot) {
        return dot >= 1 && Character.isUpperCase(text.charAt(dot - 1))
                && (dot == 1 || Character.isWhitespace(text.charAt(dot - 2)));
    }

    /**
     * Whether the dot at {@code dot} ends a list item's mark ("1.", "12.", "b.") that begins a line, the text, or
     * follows a sentence end or a colon ("Lưu ý: 1. Không…"): what follows is the item, not a new post.
     */
    private static boolean endsListMark(String text, int dot) {
        int mark = dot;
        while (mark > 0 && dot - mark < 2 && Character.isDigit(text.charAt(mark - 1))) {
            mark--;
        }
        if (mark == dot && mark > 0 && Character.isLetter(text.charAt(mark - 1))) {
            mark--;
        }
        if (mark == dot || mark > 0 && Character.isLetterOrDigit(text.charAt(mark - 1))) {
            return false;
        }
        if (mark == 0 || text.charAt(mark - 1) == '\n') {
            return true;
        }
        return Character.isWhitespace(text.charAt(mark - 1)) && mark >= 2 && ".:;!?".indexOf(text.charAt(mark - 2)) >= 0;
    }
}
