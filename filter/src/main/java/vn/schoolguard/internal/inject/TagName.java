package vn.schoolguard.internal.inject;

/**
 * The lower-case name of the tag {@link TrackerWatch} is reading (its first {@link #CAP} letters and its length),
 * and what a start tag of that name opens. Not thread-safe.
 */
final class TagName {

    static final int CAP = 16;
    static final char[] SCRIPT = "script".toCharArray();
    static final char[] PLAINTEXT = "plaintext".toCharArray();
    /** Elements whose content is text up to their end tag (RCDATA and RAWTEXT, noscript as with scripting on). */
    private static final char[][] TEXT_ELEMENTS = {"textarea".toCharArray(), "title".toCharArray(),
        "style".toCharArray(), "xmp".toCharArray(), "iframe".toCharArray(), "noembed".toCharArray(),
        "noframes".toCharArray(), "noscript".toCharArray()};

    private final char[] name = new char[CAP];
    private int length;

    void clear() {
        length = 0;
    }

    void add(int c) {
        if (length < CAP) {
            name[length] = (char) lower(c);
        }
        length++;
    }

    boolean is(char[] expected) {
        if (length != expected.length) {
            return false;
        }
        for (int k = 0; k < length; k++) {
            if (name[k] != expected[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The name of the element whose content is text up to its end tag that a start tag of this name opens:
     * {@link #SCRIPT}, {@link #PLAINTEXT} (which nothing ends) or a text element; null for any other tag.
     */
    char[] opensText() {
        if (length < 3 || length > 9 || "stxinp".indexOf(name[0]) < 0) {
            // Most tags (div, a, p, span, li...): nothing special follows.
            return null;
        }
        if (is(SCRIPT)) {
            return SCRIPT;
        }
        if (is(PLAINTEXT)) {
            return PLAINTEXT;
        }
        for (char[] element : TEXT_ELEMENTS) {
            if (is(element)) {
                return element;
            }
        }
        return null;
    }

    static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
