package vn.schoolguard.internal.inject;

import java.io.OutputStream;
import java.io.Writer;

/**
 * The page rewriter on its own, without a servlet container, as pages are rewritten when served. Internal; public
 * for the benchmarks.
 */
public final class StreamingRewrite {

    private StreamingRewrite() {
    }

    /**
     * A stream that passes bytes to {@code target} and puts {@code insertion} (ASCII) before the last
     * {@code </body>}; {@link OutputStream#close()} writes what is held and closes the target.
     */
    public static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit) {
        return page(insertion, holdLimit, TrackerIdentity.NONE).rewriting(target);
    }

    /**
     * As {@link #beforeBodyEnd(OutputStream, String, int)}, but the insertion is left out when the page already
     * carries a working EMC tracker for {@code siteId} on {@code trackerHost}, as pages are served.
     */
    public static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit, String siteId,
                                             String trackerHost) {
        return page(insertion, holdLimit, new TrackerIdentity(siteId, trackerHost)).rewriting(target);
    }

    /** As {@link #beforeBodyEnd(OutputStream, String, int, String, String)}, for a page written as characters. */
    public static Writer beforeBodyEnd(Writer target, String insertion, int holdLimit, String siteId,
                                       String trackerHost) {
        return page(insertion, holdLimit, new TrackerIdentity(siteId, trackerHost)).rewriting(target);
    }

    private static DecoratedPage page(String insertion, int holdLimit, TrackerIdentity tracker) {
        Insertion fixed = new Insertion(tracker) {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                return trackerAlreadyThere && tracker.recognises() ? "" : insertion;
            }

            @Override
            public String atPlaceholder() {
                return "";
            }
        };
        return new DecoratedPage(fixed, holdLimit, 0, null, HeadCapture.none(), (html, status) -> { });
    }
}
