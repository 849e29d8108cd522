package vn.schoolguard.internal.inject;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * Strips planted gambling links as a page streams out: every occurrence of a planted host (any case) is
 * overwritten, letter for letter, with {@code x} ({@code go88.vip} becomes {@code xxxx.xxx}), so links to it
 * lead nowhere while the length of the page, and so its Content-Length, stays the same. Holds back at most
 * the longest host's length minus one character between writes.
 */
final class Defang {

    private final List<String> hosts;
    private final int hold;

    Defang(Set<String> hosts) {
        this.hosts = List.copyOf(hosts);
        this.hold = this.hosts.stream().mapToInt(String::length).max().orElse(1) - 1;
    }

    OutputStream wrap(OutputStream target) {
        return new Bytes(target);
    }

    Writer wrap(Writer target) {
        return new Chars(target);
    }

    /** Overwrites every host found in {@code text[0, length)} in place. */
    private void overwrite(StringBuilder text) {
        String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
        for (String host : hosts) {
            for (int at = lower.indexOf(host); at >= 0; at = lower.indexOf(host, at + host.length())) {
                for (int i = at; i < at + host.length(); i++) {
                    if (Character.isLetterOrDigit(text.charAt(i))) {
                        text.setCharAt(i, 'x');
                    }
                }
            }
        }
    }

    /** The bytes of an ASCII-compatible page seen as ISO-8859-1 characters: hosts are ASCII, other bytes pass unchanged. */
    private final class Bytes extends OutputStream implements Finishing {
        private final OutputStream target;
        private final StringBuilder buffer = new StringBuilder();

        Bytes(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            buffer.append((char) (b & 0xFF));
            drain(false);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = off; i < off + len; i++) {
                buffer.append((char) (b[i] & 0xFF));
            }
            drain(false);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void finish() throws IOException {
            drain(true);
        }

        private void drain(boolean all) throws IOException {
            overwrite(buffer);
            int emit = all ? buffer.length() : Math.max(0, buffer.length() - hold);
            byte[] out = new byte[emit];
            for (int i = 0; i < emit; i++) {
                out[i] = (byte) buffer.charAt(i);
            }
            target.write(out);
            buffer.delete(0, emit);
        }
    }

    private final class Chars extends Writer implements Finishing {
        private final Writer target;
        private final StringBuilder buffer = new StringBuilder();

        Chars(Writer target) {
            this.target = target;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            buffer.append(c, off, len);
            drain(false);
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
        }

        @Override
        public void finish() throws IOException {
            drain(true);
        }

        private void drain(boolean all) throws IOException {
            overwrite(buffer);
            int emit = all ? buffer.length() : Math.max(0, buffer.length() - hold);
            target.write(buffer.toString(), 0, emit);
            buffer.delete(0, emit);
        }
    }

    /** Writes out what is held back, at the end of the page. */
    interface Finishing {
        void finish() throws IOException;
    }
}
