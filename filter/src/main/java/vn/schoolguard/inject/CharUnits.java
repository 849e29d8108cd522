package vn.schoolguard.inject;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;

/** A page written as characters. */
final class CharUnits extends PageUnits<char[]> {

    private final Writer out;
    private char[] piece;

    /** @param out where the units go; null when they are only read */
    CharUnits(Writer out) {
        super(new char[32]);
        this.out = out;
    }

    /** Makes {@code c} the current piece. */
    void piece(char[] c) {
        piece = c;
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

    @Override
    char[] piece() {
        return piece;
    }

    @Override
    char[] units(String text) {
        return text.toCharArray();
    }

    @Override
    int capacity(char[] array) {
        return array.length;
    }

    @Override
    char[] grown(char[] array, int length) {
        return Arrays.copyOf(array, length);
    }

    @Override
    void emit(char[] array, int off, int len) throws IOException {
        out.write(array, off, len);
    }

    @Override
    void flush() throws IOException {
        out.flush();
    }
}
