package vn.schoolguard.internal.inject;

/**
 * A copy of the start of a page, up to its {@code <body} or {@link #LIMIT} characters, for the Content-Security-Policy
 * check; bytes are read as ISO-8859-1 since the markup looked for is ASCII. The page itself streams on unchanged.
 * Not thread-safe: one per response.
 */
final class HeadCapture {

    /** Most characters kept; a {@code <meta>} policy later than this is not seen. */
    static final int LIMIT = 64 * 1024;

    private final StringBuilder head = new StringBuilder();
    private boolean complete;

    /** A capture that keeps nothing, for pages whose policies are not checked. */
    static HeadCapture none() {
        HeadCapture none = new HeadCapture();
        none.complete = true;
        return none;
    }

    void bytes(byte[] b, int off, int len) {
        if (complete) {
            return;
        }
        int take = Math.min(len, LIMIT - head.length());
        int from = Math.max(0, head.length() - 5);
        for (int i = 0; i < take; i++) {
            head.append((char) (b[off + i] & 0xFF));
        }
        settle(from);
    }

    void chars(char[] c, int off, int len) {
        if (complete) {
            return;
        }
        int from = Math.max(0, head.length() - 5);
        head.append(c, off, Math.min(len, LIMIT - head.length()));
        settle(from);
    }

    private void settle(int from) {
        if (head.length() >= LIMIT) {
            complete = true;
            return;
        }
        for (int i = head.indexOf("<", from); i >= 0 && i + 5 <= head.length(); i = head.indexOf("<", i + 1)) {
            if (head.substring(i + 1, i + 5).equalsIgnoreCase("body")) {
                complete = true;
                return;
            }
        }
    }

    /** Forgets what was kept, as {@code resetBuffer()} asks. */
    void clear() {
        head.setLength(0);
        complete = false;
    }

    /** What was kept so far. */
    String text() {
        return head.toString();
    }
}
