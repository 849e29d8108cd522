package vn.schoolguard.internal.http.page;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import vn.schoolguard.internal.inject.DecoratedPage;

/**
 * The response the application writes to: decides at the first byte whether the page is HTML to rewrite,
 * holds any Content-Length until then, and finishes the insertion at close, async completion or chain end.
 * The rewriting itself is the {@link DecoratedPage}'s.
 */
final class DecoratedResponse extends HttpServletResponseWrapper {

    private enum Mode { UNDECIDED, REWRITE, PASS }

    private final HttpServletRequest request;
    private final DecoratedPage page;
    private final Runnable headers;

    private Mode mode = Mode.UNDECIDED;
    private Long heldLength;
    private boolean finished;
    private Stream stream;
    private PrintWriter writer;
    private Chars chars;

    /** @param headers sets the security headers again, after {@code reset()} */
    DecoratedResponse(HttpServletRequest request, HttpServletResponse response, DecoratedPage page, Runnable headers) {
        super(response);
        this.request = request;
        this.page = page;
        this.headers = headers;
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
        if (ResponseBodies.isContentLength(name) && value != null) {
            length(ResponseBodies.parseLength(value));
        } else {
            if (ResponseBodies.isContentLength(name)) {
                heldLength = null;
            }
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (ResponseBodies.isContentLength(name) && value != null) {
            length(ResponseBodies.parseLength(value));
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (ResponseBodies.isContentLength(name)) {
            length(value);
        } else {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (ResponseBodies.isContentLength(name)) {
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
        page.reset();
        // reset() drops every header, ours included; the page still deserves them.
        headers.run();
    }

    @Override
    public void resetBuffer() {
        super.resetBuffer();
        unhook();
        if (mode == Mode.REWRITE) {
            mode = Mode.UNDECIDED;
        }
        page.reset();
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
            if (heldLength != null && !(isHead() && ResponseBodies.isHtml(getContentType()))) {
                super.setContentLengthLong(heldLength);
            }
            heldLength = null;
            return;
        }
        if (mode == Mode.REWRITE) {
            page.finish(ResponseBodies.charset(getCharacterEncoding()), getStatus());
        }
    }

    private void abandon() {
        // The container replaces the body; nothing held may follow it and nothing is inserted.
        finished = true;
        mode = Mode.PASS;
        heldLength = null;
        unhook();
    }

    /** Later writes go straight to the container. */
    private void unhook() {
        if (stream != null) {
            stream.rewriting = null;
        }
        if (chars != null) {
            chars.rewriting = null;
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
        boolean html = ResponseBodies.isHtml(getContentType());
        int status = getStatus();
        boolean bodyless = isHead() || status < 200 || status == 204 || status == 304 || (status >= 300 && status < 400);
        String encoding = getHeader("Content-Encoding");
        boolean encoded = encoding != null && !encoding.equalsIgnoreCase("identity");
        boolean charsetOk = writer != null || ResponseBodies.asciiCompatible(getCharacterEncoding());
        if (!finished && html && !bodyless && !encoded && charsetOk) {
            mode = Mode.REWRITE;
            heldLength = null;
            if (stream != null) {
                stream.rewriting = page.rewriting(stream.target);
            }
            if (chars != null) {
                chars.rewriting = page.rewriting(chars.target);
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

    /** The byte side: what the application writes goes through the page's rewriting stream, or straight on. */
    private final class Stream extends ServletOutputStream {

        private final ServletOutputStream target;
        private OutputStream rewriting;

        Stream(ServletOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            decide();
            if (rewriting != null) {
                rewriting.write(b);
            } else {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            decide();
            (rewriting != null ? rewriting : target).write(b, off, len);
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

    /** The character side: what the application writes goes through the page's rewriting writer, or straight on. */
    private final class Chars extends Writer {

        private final PrintWriter target;
        private Writer rewriting;

        Chars(PrintWriter target) {
            this.target = target;
        }

        @Override
        public void write(char[] c, int off, int len) throws IOException {
            decide();
            if (rewriting != null) {
                rewriting.write(c, off, len);
            } else {
                target.write(c, off, len);
            }
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            decide();
            if (rewriting != null) {
                rewriting.write(s, off, len);
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
