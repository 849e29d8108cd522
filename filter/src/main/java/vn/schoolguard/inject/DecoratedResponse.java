package vn.schoolguard.inject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.BiConsumer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response the application writes to: decides at the first byte whether the page is HTML to rewrite,
 * holds any Content-Length until then, and finishes the insertion at close, async completion or chain end.
 */
final class DecoratedResponse extends HttpServletResponseWrapper {

    private enum Mode { UNDECIDED, REWRITE, PASS }

    private final HttpServletRequest request;
    private final Insertion insertion;
    private final int holdLimit;
    private final Runnable headers;
    private final int captureLimit;
    private final BiConsumer<HttpServletRequest, String> scan;
    private final Defang defang;
    private final HeadCapture head;
    private Defang.Finishing defanging;

    private Mode mode = Mode.UNDECIDED;
    private Long heldLength;
    private boolean finished;
    private Stream stream;
    private PrintWriter writer;
    private Chars chars;
    private ByteArrayOutputStream capturedBytes;
    private StringBuilder capturedChars;

    /**
     * @param captureLimit bytes or characters kept for the implant scan; zero when this page is not sampled
     * @param scan         receives the captured page at the end
     * @param defang       strips planted hosts from the page, or null
     * @param head         receives the start of a rewritten page, for the Content-Security-Policy check
     */
    DecoratedResponse(HttpServletRequest request, HttpServletResponse response, Insertion insertion, int holdLimit,
                      Runnable headers, int captureLimit, BiConsumer<HttpServletRequest, String> scan, Defang defang,
                      HeadCapture head) {
        super(response);
        this.defang = defang;
        this.head = head;
        this.request = request;
        this.insertion = insertion;
        this.holdLimit = holdLimit;
        this.headers = headers;
        this.captureLimit = captureLimit;
        this.scan = scan;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called for this response");
        }
        if (stream == null) {
            stream = new Stream(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has already been called for this response");
        }
        if (writer == null) {
            chars = new Chars(super.getWriter());
            writer = new PrintWriter(chars, false);
        }
        return writer;
    }

    @Override
    public void setContentLength(int len) {
        length(len);
    }

    @Override
    public void setContentLengthLong(long len) {
        length(len);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isContentLength(name) && value != null) {
            length(parseLength(value));
        } else {
            if (isContentLength(name)) {
                heldLength = null;
            }
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (isContentLength(name) && value != null) {
            length(parseLength(value));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (isContentLength(name)) {
            length(value);
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (isContentLength(name)) {
            length(value);
        } else {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        abandon();
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        abandon();
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        abandon();
        super.sendRedirect(location);
    }

    @Override
    public void flushBuffer() throws IOException {
        decide();
        if (writer != null) {
            writer.flush();
        } else if (stream != null) {
            stream.flush();
        }
        super.flushBuffer();
    }

    @Override
    public void reset() {
        super.reset();
        mode = Mode.UNDECIDED;
        heldLength = null;
        finished = false;
        stream = null;
        writer = null;
        chars = null;
        capturedBytes = null;
        capturedChars = null;
        head.clear();
        // reset() drops every header, ours included; the page still deserves them.
        headers.run();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        if (stream != null) {
            stream.rewriter = null;
        }
        if (chars != null) {
            chars.rewriter = null;
        }
        if (mode == Mode.REWRITE) {
            mode = Mode.UNDECIDED;
        }
        capturedBytes = null;
        capturedChars = null;
        head.clear();
    }

    /**
     * Writes whatever is held, with the insertion; called once the application is done with the page.
     * Does not close the container's stream: the container does that.
     */
    void finish() throws IOException {
        if (finished) {
            return;
        }
        finished = true;
        if (mode == Mode.UNDECIDED) {
            if (heldLength != null && !(isHead() && isHtml(getContentType()))) {
                super.setContentLengthLong(heldLength);
            }
            heldLength = null;
            return;
        }
        if (mode != Mode.REWRITE) {
            return;
        }
        if (stream != null && stream.rewriter != null) {
            stream.rewriter.finish();
        }
        if (chars != null && chars.rewriter != null) {
            chars.rewriter.finish();
        }
        if (defanging != null) {
            defanging.finish();
        }
        if (captureLimit > 0) {
            String page = capturedChars != null ? capturedChars.toString()
                    : capturedBytes != null ? capturedBytes.toString(charset()) : null;
            if (page != null) {
                scan.accept(request, page);
            }
        }
    }

    private void abandon() {
        // The container replaces the body; nothing held may follow it and nothing is inserted.
        finished = true;
        mode = Mode.PASS;
        heldLength = null;
        if (stream != null) {
            stream.rewriter = null;
        }
        if (chars != null) {
            chars.rewriter = null;
        }
    }

    private void length(long value) {
        switch (mode) {
            case PASS -> super.setContentLengthLong(value);
            case REWRITE -> { }
            default -> heldLength = value;
        }
    }

    private void decide() {
        if (mode != Mode.UNDECIDED) {
            return;
        }
        boolean html = isHtml(getContentType());
        int status = getStatus();
        boolean bodyless = isHead() || status < 200 || status == 204 || status == 304 || (status >= 300 && status < 400);
        String encoding = getHeader("Content-Encoding");
        boolean encoded = encoding != null && !encoding.equalsIgnoreCase("identity");
        boolean charsetOk = writer != null || asciiCompatible(getCharacterEncoding());
        if (!finished && html && !bodyless && !encoded && charsetOk) {
            mode = Mode.REWRITE;
            heldLength = null;
            if (stream != null) {
                java.io.OutputStream out = stream.target;
                if (defang != null) {
                    out = defang.wrap(out);
                    defanging = (Defang.Finishing) out;
                }
                stream.rewriter = new ByteRewriter(out, insertion, holdLimit);
            }
            if (chars != null) {
                java.io.Writer out = chars.target;
                if (defang != null) {
                    out = defang.wrap(out);
                    defanging = (Defang.Finishing) out;
                }
                chars.rewriter = new CharRewriter(out, insertion, holdLimit);
            }
        } else {
            mode = Mode.PASS;
            if (heldLength != null && !(isHead() && html)) {
                super.setContentLengthLong(heldLength);
            }
            heldLength = null;
        }
    }

    private boolean isHead() {
        return "HEAD".equalsIgnoreCase(request.getMethod());
    }

    private Charset charset() {
        try {
            String name = getCharacterEncoding();
            return name == null ? StandardCharsets.ISO_8859_1 : Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private void captureBytes(byte[] b, int off, int len) {
        if (captureLimit <= 0) {
            return;
        }
        if (capturedBytes == null) {
            capturedBytes = new ByteArrayOutputStream(Math.min(captureLimit, 16 * 1024));
        }
        int room = captureLimit - capturedBytes.size();
        if (room > 0) {
            capturedBytes.write(b, off, Math.min(room, len));
        }
    }

    private void captureChars(char[] c, int off, int len) {
        if (captureLimit <= 0) {
            return;
        }
        if (capturedChars == null) {
            capturedChars = new StringBuilder(Math.min(captureLimit, 16 * 1024));
        }
        int room = captureLimit - capturedChars.length();
        if (room > 0) {
            capturedChars.append(c, off, Math.min(room, len));
        }
    }

    static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    /** True when the markers' ASCII bytes mean the same in this charset (not UTF-16, UTF-32, EBCDIC...). */
    static boolean asciiCompatible(String charsetName) {
        if (charsetName == null) {
            return true;
        }
        try {
            Charset charset = Charset.forName(charsetName);
            String probe = "</body>_govaq<!-- schoolguard:portal -->";
            return charset.canEncode() && java.util.Arrays.equals(probe.getBytes(charset), probe.getBytes(StandardCharsets.US_ASCII));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isContentLength(String name) {
        return "Content-Length".equalsIgnoreCase(name);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The byte side: the rewriter writes to the container's own stream. */
    private final class Stream extends ServletOutputStream {

        private final ServletOutputStream target;
        private ByteRewriter rewriter;

        Stream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            decide();
            if (rewriter != null) {
                byte[] one = {(byte) b};
                captureBytes(one, 0, 1);
                head.bytes(one, 0, 1);
                rewriter.write(b);
            } else {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            decide();
            if (rewriter != null) {
                captureBytes(b, off, len);
                head.bytes(b, off, len);
                rewriter.write(b, off, len);
            } else {
                target.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            decide();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            decide();
            finish();
            target.close();
        }

        @Override
        public boolean isReady() {
            return target.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            target.setWriteListener(listener);
        }
    }

    /** The character side: the rewriter writes to the container's own writer. */
    private final class Chars extends Writer {

        private final PrintWriter target;
        private CharRewriter rewriter;

        Chars(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            decide();
            if (rewriter != null) {
                captureChars(c, off, len);
                head.chars(c, off, len);
                rewriter.write(c, off, len);
            } else {
                target.write(c, off, len);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            decide();
            if (rewriter != null) {
                char[] c = new char[len];
                s.getChars(off, off + len, c, 0);
                captureChars(c, 0, len);
                head.chars(c, 0, len);
                rewriter.write(c, 0, len);
            } else {
                target.write(s, off, len);
            }
        }

        @Override
        public void flush() {
            decide();
            target.flush();
        }

        @Override
        public void close() throws IOException {
            decide();
            finish();
            target.close();
        }
    }
}
