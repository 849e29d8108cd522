package vn.schoolguard.inject;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Case-insensitive scanner for the few ASCII markers the rewriter cares about, fed one unit at a time, and,
 * when a site ID is configured, a {@link TrackerWatch} that tells whether the page already carries its tracker.
 *
 * <p>Every marker starts with {@code <}, which occurs only once in it, so a mismatch restarts at 0 or 1 and no
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

    private static final char[] BODY = "</body".toCharArray();
    private static final char[] HTML = "<html".toCharArray();
    private static final char[] PLACEHOLDER_TIGHT = "<!--schoolguard:portal-->".toCharArray();
    private static final char[] PLACEHOLDER_SPACED = "<!-- schoolguard:portal -->".toCharArray();

    private int body;
    private int html;
    private int tight;
    private int spaced;
    private boolean htmlSeen;
    private final TrackerWatch watch;
    private final String siteId;

    /** @param tracker the tracker that counts as already there; {@link TrackerIdentity#NONE} looks for none */
    MarkupScan(TrackerIdentity tracker) {
        this.watch = tracker.recognises() ? new TrackerWatch(tracker.host()) : null;
        this.siteId = tracker.siteId();
    }

    /** True for a unit that can start a marker; everything else is skipped in bulk while idle. */
    static boolean starts(int c) {
        return c == '<';
    }

    /** The index of the next unit that can start a marker, or {@code end}; eight bytes at a time. */
    static int nextStart(byte[] b, int from, int end) {
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long lt = word ^ LESS_THAN;
            // Sets the high bit of the first byte equal to '<' (bits above it may be false positives).
            long found = (lt - ONES) & ~lt & HIGHS;
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

    /** The index of the next byte equal to {@code x}, {@code y} or {@code z} (all ASCII), or {@code end}; eight at a time. */
    static int nextOf(byte[] b, int from, int end, char x, char y, char z) {
        long px = ONES * x;
        long py = ONES * y;
        long pz = ONES * z;
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long a = word ^ px;
            long c = word ^ py;
            long d = word ^ pz;
            // The lowest flagged byte of each term is a true match, so the lowest of all three is the first match.
            long found = ((a - ONES) & ~a | (c - ONES) & ~c | (d - ONES) & ~d) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && b[i] != x && b[i] != y && b[i] != z) {
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

    /**
     * From an idle state: the index of the next unit that {@link #step} must see, a {@code <} that may start a
     * marker, or {@code end}; what lies before it starts no marker and goes to the tracker watch alone.
     */
    int skip(byte[] b, int i, int end) {
        while (true) {
            i = watch == null ? nextStart(b, i, end) : watch.run(b, i, end);
            if (i == end) {
                return i;
            }
            int skip = skippable(b[i], i + 1 < end ? b[i + 1] : -1, i + 2 < end ? b[i + 2] : -1);
            if (skip == 0) {
                return i;
            }
            if (watch != null) {
                // The watch takes the '<' and what follows from here; none of it starts a marker.
                i = watch.openTag(b, i, end);
            } else {
                i += skip;
            }
        }
    }

    /** As {@link #skip(byte[], int, int)}, for characters. */
    int skip(char[] b, int i, int end) {
        while (true) {
            i = watch == null ? nextStart(b, i, end) : watch.run(b, i, end);
            if (i == end) {
                return i;
            }
            int skip = skippable(b[i], i + 1 < end ? b[i + 1] : -1, i + 2 < end ? b[i + 2] : -1);
            if (skip == 0) {
                return i;
            }
            if (watch != null) {
                // The watch takes the '<' and what follows from here; none of it starts a marker.
                i = watch.openTag(b, i, end);
            } else {
                i += skip;
            }
        }
    }

    boolean idle() {
        return (body | html | tight | spaced) == 0;
    }

    /** How many trailing units are a partial {@code </body>} and must be held back. */
    int bodyPartial() {
        return body;
    }

    /** True once the page carries a working tracker for the configured site ID. */
    boolean trackerSeen() {
        return watch != null && watch.carries(siteId);
    }

    boolean htmlSeen() {
        return htmlSeen;
    }

    int step(int unit) {
        if (watch != null) {
            watch.step(unit);
        }
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
