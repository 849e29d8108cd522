package vn.schoolguard.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

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

    /** As {@link #beforeBodyEnd(OutputStream, String, int, String, String)}, for a page written as characters. */
    public static Writer beforeBodyEnd(Writer target, String insertion, int holdLimit, String siteId,
                                       String trackerHost) {
        CharRewriter rewriter = new CharRewriter(target, fixed(insertion, new TrackerIdentity(siteId, trackerHost)),
                holdLimit);
        return new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                rewriter.write(c, off, len);
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

    private static OutputStream beforeBodyEnd(OutputStream target, String insertion, int holdLimit,
                                              TrackerIdentity tracker) {
        ByteRewriter rewriter = new ByteRewriter(target, fixed(insertion, tracker), holdLimit);
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

    private static Insertion fixed(String insertion, TrackerIdentity tracker) {
        return new Insertion(tracker) {
            @Override
            public String atEnd(boolean trackerAlreadyThere, boolean portalPlaced) {
                return trackerAlreadyThere && tracker.recognises() ? "" : insertion;
            }

            @Override
            public String atPlaceholder() {
                return "";
            }
        };
    }
}
