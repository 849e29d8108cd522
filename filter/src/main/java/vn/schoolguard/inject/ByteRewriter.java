package vn.schoolguard.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Streams bytes through, holding back only a partial {@code </body} and everything after the last
 * complete one (bounded by the hold limit), then puts the insertion before that last one, telling it
 * whether the page already carries the tracker the insertion names.
 * Not thread-safe: one per response.
 */
final class ByteRewriter {

    private final OutputStream out;
    private final Insertion insertion;
    private final int holdLimit;
    private final MarkupScan scan;
    private byte[] pending = new byte[32];
    private int pendingLength;
    private boolean holding;
    private boolean portalPlaced;
    private boolean done;
    private final byte[] single = new byte[1];
    private byte[] chunk;
    private int from;

    ByteRewriter(OutputStream out, Insertion insertion, int holdLimit) {
        this.out = out;
        this.insertion = insertion;
        this.holdLimit = holdLimit;
        this.scan = new MarkupScan(insertion.tracker());
    }

    void write(int b) throws IOException {
        single[0] = (byte) b;
        write(single, 0, 1);
    }

    void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            out.write(b, off, len);
            return;
        }
        chunk = b;
        from = off;
        int end = off + len;
        int i = off;
        while (i < end) {
            if (scan.idle()) {
                i = scan.skip(b, i, end);
                if (i == end) {
                    break;
                }
            }
            int event = scan.step(b[i++] & 0xFF);
            if (event == MarkupScan.BODY_END) {
                if (holding) {
                    absorb(i);
                    emitPending(pendingLength - MarkupScan.BODY_CANDIDATE_LENGTH);
                } else {
                    emit(unemitted(i) - MarkupScan.BODY_CANDIDATE_LENGTH);
                    absorb(i);
                    holding = true;
                }
            } else if (event == MarkupScan.PLACEHOLDER && !portalPlaced) {
                String block = insertion.atPlaceholder();
                if (!block.isEmpty()) {
                    portalPlaced = true;
                    byte[] bytes = block.getBytes(StandardCharsets.US_ASCII);
                    if (holding) {
                        absorb(i);
                        append(bytes, 0, bytes.length);
                    } else {
                        emit(unemitted(i));
                        out.write(bytes, 0, bytes.length);
                    }
                }
            }
            if (holding && unemitted(i) > holdLimit) {
                absorb(i);
                giveUp();
                out.write(b, i, end - i);
                chunk = null;
                return;
            }
        }
        if (holding) {
            absorb(end);
            if (pendingLength > holdLimit) {
                giveUp();
            }
        } else {
            emit(unemitted(end) - scan.bodyPartial());
            absorb(end);
        }
        chunk = null;
    }

    /** Units not yet written: what is held plus the current chunk up to {@code index}. */
    private int unemitted(int index) {
        return pendingLength + index - from;
    }

    /** Writes the first {@code count} unwritten units, held ones first, then the chunk's in one piece. */
    private void emit(int count) throws IOException {
        int held = Math.min(count, pendingLength);
        emitPending(held);
        int rest = count - held;
        if (rest > 0) {
            out.write(chunk, from, rest);
            from += rest;
        }
    }

    /** Moves the chunk's unwritten units up to {@code index} into the held buffer. */
    private void absorb(int index) {
        if (index > from) {
            append(chunk, from, index - from);
            from = index;
        }
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Writes what is held, with the insertion; later writes pass straight through. */
    void finish() throws IOException {
        if (done) {
            return;
        }
        done = true;
        if (holding) {
            writeInsertion();
            emitPending(pendingLength);
        } else {
            emitPending(pendingLength);
            if (scan.htmlSeen()) {
                writeInsertion();
            }
        }
    }

    /** Forgets everything held, as {@code resetBuffer()} asks. */
    void discard() {
        pendingLength = 0;
        holding = false;
    }

    boolean portalPlaced() {
        return portalPlaced;
    }

    // Content after a </body> this long means the page is unusual; insert before it rather than hold more.
    private void giveUp() throws IOException {
        done = true;
        holding = false;
        writeInsertion();
        emitPending(pendingLength);
    }

    private void writeInsertion() throws IOException {
        out.write(insertion.atEnd(scan.trackerSeen(), portalPlaced).getBytes(StandardCharsets.US_ASCII));
    }

    private void emitPending(int count) throws IOException {
        if (count <= 0) {
            return;
        }
        out.write(pending, 0, count);
        System.arraycopy(pending, count, pending, 0, pendingLength - count);
        pendingLength -= count;
    }

    private void append(byte[] b, int off, int len) {
        if (pendingLength + len > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + len));
        }
        System.arraycopy(b, off, pending, pendingLength, len);
        pendingLength += len;
    }
}
