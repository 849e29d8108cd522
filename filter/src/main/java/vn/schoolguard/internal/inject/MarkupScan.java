package vn.schoolguard.internal.inject;

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
    int skip(PageUnits<?> units, int i, int end) {
        while (true) {
            i = watch == null ? units.nextStart(i, end) : watch.run(units, i, end);
            if (i == end) {
                return i;
            }
            int skip = skippable(units.at(i), i + 1 < end ? units.at(i + 1) : -1, i + 2 < end ? units.at(i + 2) : -1);
            if (skip == 0) {
                return i;
            }
            if (watch != null) {
                // The watch takes the '<' and what follows from here; none of it starts a marker.
                i = watch.openTag(units, i, end);
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
