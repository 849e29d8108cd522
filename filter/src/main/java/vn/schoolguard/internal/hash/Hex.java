package vn.schoolguard.internal.hash;

/** Hex digits as the protocols define them: ASCII only. */
public final class Hex {

    private Hex() {
    }

    /**
     * The value of an ASCII hex digit, or -1. (Character.digit also takes other scripts' digits, so {@code %٣1} or a
     * fullwidth digit would read as an ASCII one where a reviewer sees something else.)
     */
    // Security-critical: percent-escapes and address literals are decoded with this.
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }
}
