package vn.schoolguard.internal.spam;

/** Which characters are combining marks (non-spacing, enclosing, spacing), from a bit table built once. */
final class Marks {

    /** The first combining mark (U+0300); every character below it is of another type. */
    static final char FIRST_MARK = '\u0300';

    /** A bit a character: looked up in the scan that cuts long runs of marks, instead of asking each one's type. */
    private static final long[] MARKS = new long[0x10000 / 64];

    static {
        for (char c = FIRST_MARK; c < Character.MAX_VALUE; c++) {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.COMBINING_SPACING_MARK) {
                MARKS[c >>> 6] |= 1L << c;
            }
        }
    }

    private Marks() {
    }

    /** Whether {@code c} is a combining mark. */
    static boolean isMark(char c) {
        return c >= FIRST_MARK && (MARKS[c >>> 6] & (1L << c)) != 0;
    }
}
