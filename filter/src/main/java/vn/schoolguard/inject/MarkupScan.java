package vn.schoolguard.inject;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Case-insensitive scanner for the few ASCII markers the rewriter cares about, fed one unit at a time.
 *
 * <p>Every marker's first character occurs only once in it, so a mismatch restarts at 0 or 1 and no
 * failure table is needed. Units above 0x7F never match, which is what makes byte scanning safe for
 * any ASCII-compatible charset.
 */
final class MarkupScan {

    static final int NONE = 0;
    /** {@code </body} followed by {@code >}, white space or {@code /}: a candidate seven units long. */
    static final int BODY_END = 1;
    /** The end of a portal placeholder comment. */
    static final int PLACEHOLDER = 2;
    static final int BODY_CANDIDATE_LENGTH = 7;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LESS_THAN = 0x3C3C3C3C3C3C3C3CL;
    private static final long UNDERSCORE = 0x5F5F5F5F5F5F5F5FL;

    private static final char[] BODY = "</body".toCharArray();
    private static final char[] TRACKER = "_govaq".toCharArray();
    private static final char[] HTML = "<html".toCharArray();
    private static final char[] PLACEHOLDER_TIGHT = "<!--schoolguard:portal-->".toCharArray();
    private static final char[] PLACEHOLDER_SPACED = "<!-- schoolguard:portal -->".toCharArray();

    private int body;
    private int tracker;
    private int html;
    private int tight;
    private int spaced;
    private boolean trackerSeen;
    private boolean htmlSeen;

    /** True for a unit that can start a marker; everything else is skipped in bulk while idle. */
    static boolean starts(int c) {
        return c == '<' || c == '_';
    }

    /** The index of the next unit that can start a marker, or {@code end}; eight bytes at a time. */
    static int nextStart(byte[] b, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long lt = word ^ LESS_THAN;
            long us = word ^ UNDERSCORE;
            // Sets the high bit of the first byte equal to '<' or '_' (bits above it may be false positives).
            long found = ((lt - ONES) & ~lt | (us - ONES) & ~us) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && !starts(b[i])) {
            i++;
        }
        return i;
    }

    static int nextStart(char[] c, int from, int end) {
        int i = from;
        while (i < end && !starts(c[i])) {
            i++;
        }
        return i;
    }

    /**
     * How many units starting at an idle {@code <} can be skipped because they start no marker: most tags
     * ({@code <p}, {@code </div}) are, which keeps dense markup off the slow path. Zero when unsure.
     */
    static int skippable(int first, int second, int third) {
        if (first != '<' || second < 0) {
            return 0;
        }
        if (second == '/') {
            return third < 0 || third == 'b' || third == 'B' || starts(third) ? 0 : 3;
        }
        return second == '!' || second == 'h' || second == 'H' || starts(second) ? 0 : 2;
    }

    boolean idle() {
        return (body | tracker | html | tight | spaced) == 0;
    }

    /** How many trailing units are a partial {@code </body>} and must be held back. */
    int bodyPartial() {
        return body;
    }

    boolean trackerSeen() {
        return trackerSeen;
    }

    boolean htmlSeen() {
        return htmlSeen;
    }

    int step(int unit) {
        int c = unit >= 'A' && unit <= 'Z' ? unit + 32 : unit;
        int event = NONE;
        if (body == BODY.length) {
            body = c == '<' ? 1 : 0;
            if (c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                event = BODY_END;
            }
        } else {
            body = advance(BODY, body, c);
        }
        tracker = advance(TRACKER, tracker, c);
        if (tracker == TRACKER.length) {
            trackerSeen = true;
            tracker = 0;
        }
        html = advance(HTML, html, c);
        if (html == HTML.length) {
            htmlSeen = true;
            html = 0;
        }
        tight = advance(PLACEHOLDER_TIGHT, tight, c);
        spaced = advance(PLACEHOLDER_SPACED, spaced, c);
        if (tight == PLACEHOLDER_TIGHT.length || spaced == PLACEHOLDER_SPACED.length) {
            tight = 0;
            spaced = 0;
            event = event == NONE ? PLACEHOLDER : event;
        }
        return event;
    }

    private static int advance(char[] marker, int state, int c) {
        if (marker[state] == c) {
            return state + 1;
        }
        return c == marker[0] ? 1 : 0;
    }
}
