package vn.schoolguard.internal.inject;

import java.io.Flushable;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.function.Function;

/**
 * One piece of a page as the rewriter and the tracker watch read it, and the place it goes on to: the bytes of an
 * ASCII-compatible charset or characters, so that one algorithm serves both. A unit is a byte ({@code 0..255}) or a
 * char. The subclass reads the piece being written ({@link #at} and the bulk searches); this class keeps the units
 * held back and writes to the target. Not thread-safe: one per response.
 *
 * @param <A> the array type of a piece, {@code byte[]} or {@code char[]}
 */
abstract class PageUnits<A> {

    /** Writes units to the target: {@code OutputStream::write} or {@code Writer::write}. */
    interface Sink<A> {
        void write(A units, int off, int len) throws IOException;
    }

    private final Sink<A> sink;
    private final Flushable flushable;
    private final Function<String, A> ascii;
    private A piece;
    private A held;
    private int heldLength;

    /**
     * @param target where the units go ({@code sink} writes to it); null when they are only read
     * @param ascii  turns ASCII text into units
     */
    PageUnits(A held, Flushable target, Sink<A> sink, Function<String, A> ascii) {
        this.held = held;
        this.flushable = target;
        this.sink = sink;
        this.ascii = ascii;
    }

    /** Makes {@code units} the current piece; the subclass reads it from {@link #piece()}. */
    void piece(A units) {
        piece = units;
    }

    final A piece() {
        return piece;
    }

    /** The unit at {@code i} of the current piece. */
    abstract int at(int i);

    /** The index of the next {@code <} of the current piece from {@code from}, or {@code end}. */
    abstract int nextStart(int from, int end);

    /** The index of the next unit equal to {@code x}, {@code y} or {@code z} (all ASCII), or {@code end}. */
    abstract int nextOf(int from, int end, char x, char y, char z);

    /** Copies {@code count} units from {@code from} of the current piece into {@code into} at {@code at}, as chars. */
    abstract void copy(int from, char[] into, int at, int count);

    /** Writes {@code count} units of the current piece from {@code from} to the target. */
    final void write(int from, int count) throws IOException {
        sink.write(piece, from, count);
    }

    /** Writes {@code text} (ASCII) to the target. */
    final void write(String text) throws IOException {
        A units = ascii.apply(text);
        sink.write(units, 0, Array.getLength(units));
    }

    final void flush() throws IOException {
        flushable.flush();
    }

    /** Holds back {@code count} units of the current piece from {@code from}, after those already held. */
    final void hold(int from, int count) {
        append(piece, from, count);
    }

    /** Holds back {@code text} (ASCII) after the units already held. */
    final void hold(String text) {
        A units = ascii.apply(text);
        append(units, 0, Array.getLength(units));
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
        sink.write(held, 0, count);
        System.arraycopy(held, count, held, 0, heldLength - count);
        heldLength -= count;
    }

    @SuppressWarnings("unchecked")
    private void append(A units, int off, int len) {
        int room = Array.getLength(held);
        if (heldLength + len > room) {
            A grown = (A) Array.newInstance(held.getClass().getComponentType(), Math.max(room * 2, heldLength + len));
            System.arraycopy(held, 0, grown, 0, heldLength);
            held = grown;
        }
        System.arraycopy(units, off, held, heldLength, len);
        heldLength += len;
    }
}
