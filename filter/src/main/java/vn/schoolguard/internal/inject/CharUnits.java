package vn.schoolguard.internal.inject;

import java.io.Writer;

/** A page written as characters. */
final class CharUnits extends PageUnits<char[]> {

    private char[] piece;

    /** @param out where the units go; null when they are only read */
    CharUnits(Writer out) {
        super(new char[32], out, (c, off, len) -> out.write(c, off, len), String::toCharArray);
    }

    // A typed copy of the piece, so that reading a unit needs no cast.
    @Override
    void piece(char[] units) {
        super.piece(units);
        piece = units;
    }

    @Override
    int at(int i) {
        return piece[i];
    }

    @Override
    int nextStart(int from, int end) {
        char[] c = piece;
        int i = from;
        while (i < end && c[i] != '<') {
            i++;
        }
        return i;
    }

    @Override
    int nextOf(int from, int end, char x, char y, char z) {
        char[] c = piece;
        int i = from;
        while (i < end && c[i] != x && c[i] != y && c[i] != z) {
            i++;
        }
        return i;
    }

    @Override
    void copy(int from, char[] into, int at, int count) {
        System.arraycopy(piece, from, into, at, count);
    }
}
