package vn.schoolguard.internal.inject;

import java.util.List;
import java.util.Locale;

/**
 * Follows a page's markup just far enough to find a working EMC tracker: {@code <script>} elements that a
 * browser would run (not inside comments, attribute values or text-only elements such as {@code <textarea>}),
 * their {@code type} and {@code src}, and a bounded copy of each inline script's code, read by
 * {@link TrackerScript} at {@code </script>} (see {@link ScriptElement}). A page carries the tracker when a
 * bootstrap sets the site ID with the tracker URL on the configured host and the tracker's script is loaded from
 * that host (by the bootstrap itself or by a {@code <script src>}).
 *
 * <p>Fed one unit (byte or char) at a time, with {@link #run} taking runs of units (text, ordinary tags) in bulk
 * from a {@link PageUnits}. Not thread-safe.
 */
// Security-critical: a poster's text must never pass for the tracker, or pages would go out without one.
final class TrackerWatch extends MarkupSteps {

    /** White space, {@code /}, {@code >} and {@code <}: the units that end a tag name (or, for '<', need the markers). */
    private static final boolean[] NAME_END = new boolean[0x80];

    static {
        for (char c : " \t\n\r\f/><".toCharArray()) {
            NAME_END[c] = true;
        }
    }

    /** @param host the tracker host, such as {@code f-emc.ngsp.gov.vn} */
    TrackerWatch(String host) {
        super(new ScriptElement(host.toLowerCase(Locale.ROOT)));
    }

    /** True once the page carries a working tracker for {@code siteId}. */
    boolean carries(String siteId) {
        return script.carries(siteId);
    }

    /** The site IDs of the page's working trackers, in page order; empty when none loads the tracker script. */
    List<String> siteIds() {
        return script.siteIds();
    }

    /** Reads a whole page. */
    void feed(char[] page, int off, int len) {
        CharUnits units = new CharUnits(null);
        units.piece(page);
        int end = off + len;
        int i = off;
        while (i < end) {
            i = run(units, i, end);
            if (i < end) {
                step(page[i++]);
            }
        }
    }

    /**
     * Takes units from {@code i} up to the next {@code <} (which the rewriter's own markers must also see) or
     * {@code end}, and returns that index; runs of units that change nothing are passed over in bulk.
     */
    int run(PageUnits<?> b, int i, int end) {
        while (i < end) {
            if (!collecting && state >= IN_TAG) {
                i = inTag(b, i, end);
            } else {
                i = skip(b, i, end);
                if (i < end && b.at(i) != '<') {
                    step(b.at(i++));
                }
            }
            if (i < end && b.at(i) == '<') {
                return i;
            }
        }
        return i;
    }

    /**
     * Takes the {@code <} at {@code i}, which starts no marker of the rewriter's, and in the usual case the tag
     * name after it in one go (the hot path for dense markup); returns the index to go on from.
     */
    int openTag(PageUnits<?> b, int i, int end) {
        int k = i + 1;
        boolean closingTag = k < end && b.at(k) == '/';
        k += closingTag ? 1 : 0;
        if (state != DATA || k >= end || !letter(b.at(k))) {
            step('<');
            return i + 1;
        }
        endTag = closingTag;
        state = TAG_NAME;
        name.clear();
        for (; k < end; k++) {
            int c = b.at(k);
            if (c < 0x80 && NAME_END[c]) {
                break;
            }
            name.add(c);
        }
        if (k < end && b.at(k) != '<') {
            tagName(b.at(k));
            k++;
        }
        return k;
    }

    /**
     * The inside of a tag whose attributes do not matter, in one go: up to the next {@code <} (returned at it),
     * {@code end}, or just after the {@code >} that ends the tag.
     */
    private int inTag(PageUnits<?> b, int i, int end) {
        while (i < end) {
            if (state == IN_TAG) {
                i = b.nextOf(i, end, '=', '>', '<');
                if (i == end || b.at(i) == '<') {
                    return i;
                }
                state = b.at(i++) == '=' ? BEFORE_VALUE : IN_TAG;
                if (state == IN_TAG) {
                    tagEnd();
                    return i;
                }
            } else if (state == VALUE_DOUBLE || state == VALUE_SINGLE) {
                char quote = state == VALUE_DOUBLE ? '"' : '\'';
                i = b.nextOf(i, end, quote, quote, '<');
                if (i == end || b.at(i) == '<') {
                    return i;
                }
                i++;
                state = IN_TAG;
            } else if (b.at(i) == '<') {
                return i;
            } else {
                step(b.at(i++));
                if (state < IN_TAG) {
                    return i;
                }
            }
        }
        return i;
    }

    /**
     * The index of the next unit that {@link #step} must see; the units before it are taken in bulk (a tag name,
     * the code copy) or change nothing. Inside a tag whose attributes do not matter, {@link #inTag} goes faster.
     */
    private int skip(PageUnits<?> b, int i, int end) {
        switch (state) {
            case TAG_NAME:
                for (int c; i < end && !space(c = b.at(i)) && c != '/' && c != '>' && c != '<'; i++) {
                    name.add(c);
                }
                return i;
            case DATA, PLAINTEXT:
                return b.nextStart(i, end);
            case TEXT:
                if (closeMatch != 0) {
                    return i;
                }
                int next = b.nextStart(i, end);
                if (inScript) {
                    script.keep(b, i, next);
                }
                return next;
            case COMMENT:
                int from = i;
                for (int c; dashes >= 0 && i < end && (c = b.at(i)) != '-' && c != '>' && c != '!' && c != '<'; i++) {
                    // Comment text changes nothing.
                }
                if (i > from) {
                    dashes = 0;
                    bang = false;
                }
                return i;
            case BOGUS_COMMENT:
                return b.nextOf(i, end, '>', '>', '<');
            default:
                return i;
        }
    }
}
