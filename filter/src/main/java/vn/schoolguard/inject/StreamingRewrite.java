package vn.schoolguard.inject;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The page rewriter on its own, without a servlet container. Internal; public for the benchmarks.
 */
public final class StreamingRewrite {

    private StreamingRewrite() {
    }

    /**
     * A stream that passes bytes to {@code target} and puts {@code insertion} (ASCII) before the last
     * {@code </body>}; {@link OutputStream#close()} writes what is held and closes the target.
     */
    public static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit) {
        return beforeBodyEnd(target, insertion, holdLimit, TrackerIdentity.NONE);
    }

    /**
     * As {@link #beforeBodyEnd(OutputStream, String, int)}, but the insertion is left out when the page already
     * carries a working EMC tracker for {@code siteId} on {@code trackerHost}, as pages are served.
     */
    public static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit, String siteId,
                                             String trackerHost) {
        return beforeBodyEnd(target, insertion, holdLimit, new TrackerIdentity(siteId, trackerHost));
    }

    private static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit,
                                              TrackerIdentity tracker) {
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
        ByteRewriter rewriter = new ByteRewriter(target, fixed, holdLimit);
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                rewriter.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                rewriter.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                rewriter.flush();
            }

            @Override
            public void close() throws IOException {
                rewriter.finish();
                target.close();
            }
        };
    }
}
