package vn.schoolguard.inject;

import java.io.IOException;
import java.io.Writer;

/**
 * The {@link Rewriter} for a page written as characters. {@link #finish()} writes what is held; {@link #close()}
 * also closes the target. Not thread-safe: one per response.
 */
final class CharRewriter extends Writer {

    private final Writer out;
    private final CharUnits units;
    private final Rewriter rewriter;

    CharRewriter(Writer out, Insertion insertion, int holdLimit) {
        this.out = out;
        this.units = new CharUnits(out);
        this.rewriter = new Rewriter(units, insertion, holdLimit);
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        units.piece(c);
        rewriter.write(off, len);
        units.piece(null);
    }

    @Override
    public void flush() throws IOException {
        rewriter.flush();
    }

    /** Writes what is held, with the insertion; later writes pass straight through. */
    void finish() throws IOException {
        rewriter.finish();
    }

    @Override
    public void close() throws IOException {
        finish();
        out.close();
    }
}
