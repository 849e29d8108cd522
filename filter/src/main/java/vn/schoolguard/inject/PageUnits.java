package vn.schoolguard.inject;

import java.io.IOException;

/**
 * One piece of a page as the rewriter and the tracker watch read it, and the place it goes on to: the bytes of an
 * ASCII-compatible charset or characters, so that one algorithm serves both. A unit is a byte ({@code 0..255}) or a
 * char. The subclass keeps the piece being written ({@link #at} reads it) and the target; this class keeps the
 * units held back. Not thread-safe: one per response.
 *
 * @param <A> the array type of a piece, {@code byte[]} or {@code char[]}
 */
abstract class PageUnits<A> {

    private A held;
    private int heldLength;

    PageUnits(A held) {
        this.held = held;
    }

    /** The unit at {@code i} of the current piece. */
    abstract int at(int i);

    /** The index of the next {@code <} of the current piece from {@code from}, or {@code end}. */
    abstract int nextStart(int from, int end);

    /** The index of the next unit equal to {@code x}, {@code y} or {@code z} (all ASCII), or {@code end}. */
    abstract int nextOf(int from, int end, char x, char y, char z);

    /** Copies {@code count} units from {@code from} of the current piece into {@code into} at {@code at}, as chars. */
    abstract void copy(int from, char[] into, int at, int count);

    /** The current piece. */
    abstract A piece();

    /** {@code text} (ASCII) as units. */
    abstract A units(String text);

    abstract int capacity(A array);

    abstract A grown(A array, int length);

    /** Writes units to the target. */
    abstract void emit(A array, int off, int len) throws IOException;

    abstract void flush() throws IOException;

    /** Writes {@code count} units of the current piece from {@code from} to the target. */
    final void write(int from, int count) throws IOException {
        emit(piece(), from, count);
    }

    /** Writes {@code text} (ASCII) to the target. */
    final void write(String text) throws IOException {
        A units = units(text);
        emit(units, 0, capacity(units));
    }

    /** Holds back {@code count} units of the current piece from {@code from}, after those already held. */
    final void hold(int from, int count) {
        append(piece(), from, count);
    }

    /** Holds back {@code text} (ASCII) after the units already held. */
    final void hold(String text) {
        A units = units(text);
        append(units, 0, capacity(units));
    }

    /** How many units are held back. */
    final int held() {
        return heldLength;
    }

    /** Writes the first {@code count} held units to the target and holds the rest. */
    final void release(int count) throws IOException {
        if (count <= 0) {
            return;
        }
        emit(held, 0, count);
        System.arraycopy(held, count, held, 0, heldLength - count);
        heldLength -= count;
    }

    /** Forgets the held units. */
    final void drop() {
        heldLength = 0;
    }

    private void append(A units, int off, int len) {
        int room = capacity(held);
        if (heldLength + len > room) {
            held = grown(held, Math.max(room * 2, heldLength + len));
        }
        System.arraycopy(units, off, held, heldLength, len);
        heldLength += len;
    }
}
