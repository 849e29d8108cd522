package vn.schoolguard.inject;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The {@link Rewriter} for a page written as bytes of an ASCII-compatible charset. {@link #finish()} writes what is
 * held; {@link #close()} also closes the target. Not thread-safe: one per response.
 */
final class ByteRewriter extends OutputStream {

    private final OutputStream out;
    private final ByteUnits units;
    private final Rewriter rewriter;
    private final byte[] single = new byte[1];

    ByteRewriter(OutputStream out, Insertion insertion, int holdLimit) {
        this.out = out;
        this.units = new ByteUnits(out);
        this.rewriter = new Rewriter(units, insertion, holdLimit);
    }

    @Override
    public void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        units.piece(b);
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
