package vn.schoolguard.internal.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * Streams a page through, holding back only a partial {@code </body} and everything after the last complete one
 * (bounded by the hold limit), then puts the insertion before that last one, telling it whether the page already
 * carries the tracker the insertion names. The one algorithm for bytes and characters: {@link PageUnits} reads the
 * piece being written and writes to the target. Not thread-safe: one per response.
 *
 * @param <A> {@code byte[]} or {@code char[]}
 */
final class Rewriter<A> {

    private final PageUnits<A> units;
    private final Insertion insertion;
    private final int holdLimit;
    private final MarkupScan scan;
    private boolean holding;
    private boolean portalPlaced;
    private boolean done;
    /** Where the unwritten units of the current piece start. */
    private int from;

    /** A rewriter for a page written as bytes of an ASCII-compatible charset. */
    static Rewriter<byte[]> of(OutputStream out, Insertion insertion, int holdLimit) {
        return new Rewriter<>(new ByteUnits(out), insertion, holdLimit);
    }

    /** A rewriter for a page written as characters. */
    static Rewriter<char[]> of(Writer out, Insertion insertion, int holdLimit) {
        return new Rewriter<>(new CharUnits(out), insertion, holdLimit);
    }

    private Rewriter(PageUnits<A> units, Insertion insertion, int holdLimit) {
        this.units = units;
        this.insertion = insertion;
        this.holdLimit = holdLimit;
        this.scan = new MarkupScan(insertion.tracker());
    }

    /** Takes {@code len} units of {@code piece} from {@code off}. */
    void write(A piece, int off, int len) throws IOException {
        units.piece(piece);
        try {
            write(off, len);
        } finally {
            units.piece(null);
        }
    }

    private void write(int off, int len) throws IOException {
        if (done) {
            units.write(off, len);
            return;
        }
        from = off;
        int end = off + len;
        int i = off;
        while (i < end) {
            if (scan.idle()) {
                i = scan.skip(units, i, end);
                if (i == end) {
                    break;
                }
            }
            int event = scan.step(units.at(i++));
            if (event == MarkupScan.BODY_END) {
                bodyEnd(i);
            } else if (event == MarkupScan.PLACEHOLDER && !portalPlaced) {
                placeholder(i);
            }
            if (holding && unemitted(i) > holdLimit) {
                absorb(i);
                giveUp();
                units.write(i, end - i);
                return;
            }
        }
        if (holding) {
            absorb(end);
            if (units.held() > holdLimit) {
                giveUp();
            }
        } else {
            emit(unemitted(end) - scan.bodyPartial());
            absorb(end);
        }
    }

    /** A {@code </body} candidate ends just before {@code i}: what was held before it goes out, it is held. */
    private void bodyEnd(int i) throws IOException {
        if (holding) {
            absorb(i);
            units.release(units.held() - MarkupScan.BODY_CANDIDATE_LENGTH);
        } else {
            emit(unemitted(i) - MarkupScan.BODY_CANDIDATE_LENGTH);
            absorb(i);
            holding = true;
        }
    }

    private void placeholder(int i) throws IOException {
        String block = insertion.atPlaceholder();
        if (block.isEmpty()) {
            return;
        }
        portalPlaced = true;
        if (holding) {
            absorb(i);
            units.hold(block);
        } else {
            emit(unemitted(i));
            units.write(block);
        }
    }

    /** Units not yet written: what is held plus the current piece up to {@code index}. */
    private int unemitted(int index) {
        return units.held() + index - from;
    }

    /** Writes the first {@code count} unwritten units, held ones first, then the piece's in one go. */
    private void emit(int count) throws IOException {
        int held = Math.min(count, units.held());
        units.release(held);
        int rest = count - held;
        if (rest > 0) {
            units.write(from, rest);
            from += rest;
        }
    }

    /** Holds the piece's unwritten units up to {@code index}. */
    private void absorb(int index) {
        if (index > from) {
            units.hold(from, index - from);
            from = index;
        }
    }

    void flush() throws IOException {
        units.flush();
    }

    /** Writes what is held, with the insertion; later writes pass straight through. */
    void finish() throws IOException {
        if (done) {
            return;
        }
        done = true;
        if (holding) {
            writeInsertion();
            units.release(units.held());
        } else {
            units.release(units.held());
            if (scan.htmlSeen()) {
                writeInsertion();
            }
        }
    }

    // Content after a </body> this long means the page is unusual; insert before it rather than hold more.
    private void giveUp() throws IOException {
        done = true;
        holding = false;
        writeInsertion();
        units.release(units.held());
    }

    private void writeInsertion() throws IOException {
        units.write(insertion.atEnd(scan.trackerSeen(), portalPlaced));
    }
}
