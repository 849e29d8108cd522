package vn.schoolguard.internal.inject;

import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A page written as bytes of an ASCII-compatible charset; looks for ASCII units eight bytes at a time. Units above
 * 0x7F match no marker, which is what makes byte scanning safe for any such charset.
 */
final class ByteUnits extends PageUnits<byte[]> {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LESS_THAN = 0x3C3C3C3C3C3C3C3CL;

    private byte[] piece;

    /** @param out where the units go; null when they are only read */
    ByteUnits(OutputStream out) {
        super(new byte[32], out, (b, off, len) -> out.write(b, off, len),
                text -> text.getBytes(StandardCharsets.US_ASCII));
    }

    // A typed copy of the piece, so that reading a unit needs no cast.
    @Override
    void piece(byte[] units) {
        super.piece(units);
        piece = units;
    }

    @Override
    int at(int i) {
        return piece[i] & 0xFF;
    }

    @Override
    int nextStart(int from, int end) {
        byte[] b = piece;
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long lt = word ^ LESS_THAN;
            // Sets the high bit of the first byte equal to '<' (bits above it may be false positives).
            long found = (lt - ONES) & ~lt & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && b[i] != '<') {
            i++;
        }
        return i;
    }

    @Override
    int nextOf(int from, int end, char x, char y, char z) {
        byte[] b = piece;
        long px = ONES * x;
        long py = ONES * y;
        long pz = ONES * z;
        int i = from;
        while (i + 8 <= end) {
            long word = (long) LONGS.get(b, i);
            long a = word ^ px;
            long c = word ^ py;
            long d = word ^ pz;
            // The lowest flagged byte of each term is a true match, so the lowest of all three is the first match.
            long found = ((a - ONES) & ~a | (c - ONES) & ~c | (d - ONES) & ~d) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
            i += 8;
        }
        while (i < end && b[i] != x && b[i] != y && b[i] != z) {
            i++;
        }
        return i;
    }

    @Override
    void copy(int from, char[] into, int at, int count) {
        for (int k = 0; k < count; k++) {
            into[at + k] = (char) (piece[from + k] & 0xFF);
        }
    }
}
