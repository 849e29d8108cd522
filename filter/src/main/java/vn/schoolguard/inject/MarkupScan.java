package vn.schoolguard.inject;

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
