package vn.schoolguard.internal.inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.function.ObjIntConsumer;

/**
 * One page on its way out, without the servlet API: the rewriting stream or writer around the container's own
 * (tracker and portal insertion, planted hosts defanged), the start of the page kept for the policy check, and a
 * bounded copy for the implant and publication watches, handed over at {@link #finish}. Made by
 * {@link PageDecoration#page}; the servlet side decides whether the page is rewritten at all. Internal; public for
 * {@code vn.schoolguard.http.page}. Not thread-safe: one per response.
 */
public final class DecoratedPage {

    private final Insertion insertion;
    private final int holdLimit;
    private final int captureLimit;
    private final Defang defang;
    private final HeadCapture head;
    private final ObjIntConsumer<String> watched;
    private Defang.Finishing defanging;
    private Rewriter<byte[]> bytes;
    private Rewriter<char[]> chars;
    private ByteArrayOutputStream capturedBytes;
    private StringBuilder capturedChars;

    /**
     * @param captureLimit bytes or characters kept for the watches; zero when this page is not watched
     * @param defang       strips planted hosts from the page, or null
     * @param head         receives the start of the page, for the Content-Security-Policy check
     * @param watched      receives the copy of the page and the response status at the end
     */
    DecoratedPage(Insertion insertion, int holdLimit, int captureLimit, Defang defang, HeadCapture head,
                  ObjIntConsumer<String> watched) {
        this.insertion = insertion;
        this.holdLimit = holdLimit;
        this.captureLimit = captureLimit;
        this.defang = defang;
        this.head = head;
        this.watched = watched;
    }

    /**
     * A stream that rewrites the page written as bytes on its way to {@code target}. Closing it writes what it holds,
     * with the insertion, and closes the target; the watches get their copy from {@link #finish} only.
     */
    public OutputStream rewriting(OutputStream target) {
        Rewriter<byte[]> rewriter = Rewriter.of(defang == null ? target : defanging(defang.wrap(target)), insertion,
                holdLimit);
        bytes = rewriter;
        return new OutputStream() {
            @Override
            public void flush() throws IOException {
                rewriter.flush();
            }

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                captureBytes(b, off, len);
                head.bytes(b, off, len);
                rewriter.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                finish(rewriter);
                target.close();
            }
        };
    }

    /** As {@link #rewriting(OutputStream)}, for a page written as characters. */
    public Writer rewriting(Writer target) {
        Rewriter<char[]> rewriter = Rewriter.of(defang == null ? target : defanging(defang.wrap(target)), insertion,
                holdLimit);
        chars = rewriter;
        return new Writer() {
            @Override
            public void write(char[] c, int off, int len) throws IOException {
                captureChars(c, off, len);
                head.chars(c, off, len);
                rewriter.write(c, off, len);
            }

            @Override
            public void close() throws IOException {
                finish(rewriter);
                target.close();
            }

            @Override
            public void flush() throws IOException {
                rewriter.flush();
            }
        };
    }

    /**
     * Forgets what was written so far, as {@code reset()} and {@code resetBuffer()} ask: the rewriters made so far
     * are dropped, with what they hold, and so are the copies.
     */
    public void reset() {
        bytes = null;
        chars = null;
        defanging = null;
        capturedBytes = null;
        capturedChars = null;
        head.clear();
    }

    /**
     * Writes what the rewriters hold, with the insertion, and hands the copy of the page to the watches.
     *
     * @param charset the response's charset, to read a page written as bytes
     * @param status  the response status
     */
    public void finish(Charset charset, int status) throws IOException {
        if (bytes != null) {
            bytes.finish();
        }
        finish(chars);
        if (captureLimit > 0) {
            String page = capturedChars != null ? capturedChars.toString()
                    : capturedBytes != null ? capturedBytes.toString(charset) : null;
            if (page != null) {
                watched.accept(page, status);
            }
        }
    }

    /** Finishes one side's rewriter (when there is one) and the defanging after it. */
    private void finish(Rewriter<?> rewriter) throws IOException {
        if (rewriter != null) {
            rewriter.finish();
        }
        if (defanging != null) {
            defanging.finish();
        }
    }

    private <T> T defanging(T wrapped) {
        defanging = (Defang.Finishing) wrapped;
        return wrapped;
    }

    private void captureBytes(byte[] b, int off, int len) {
        if (captureLimit <= 0) {
            return;
        }
        if (capturedBytes == null) {
            capturedBytes = new ByteArrayOutputStream(Math.min(captureLimit, 16 * 1024));
        }
        int room = captureLimit - capturedBytes.size();
        if (room > 0) {
            capturedBytes.write(b, off, Math.min(room, len));
        }
    }

    private void captureChars(char[] c, int off, int len) {
        if (captureLimit <= 0) {
            return;
        }
        if (capturedChars == null) {
            capturedChars = new StringBuilder(Math.min(captureLimit, 16 * 1024));
        }
        int room = captureLimit - capturedChars.length();
        if (room > 0) {
            capturedChars.append(c, off, Math.min(room, len));
        }
    }
}
