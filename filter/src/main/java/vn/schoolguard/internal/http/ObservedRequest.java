package vn.schoolguard.internal.http;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import vn.schoolguard.internal.discovery.PostedFields;

/**
 * A posted request on its way to the application, noting only what the application itself does: whether it
 * asked for the parameters (the container then parsed them, and reading them afterwards costs nothing), and a
 * bounded copy of the body bytes it read. It never reads anything the application did not.
 */
final class ObservedRequest extends HttpServletRequestWrapper {

    private final int maxCopy;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
    private volatile boolean parametersRead;
    private volatile boolean truncated;
    private ServletInputStream stream;

    ObservedRequest(HttpServletRequest request, int maxCopy) {
        super(request);
        this.maxCopy = maxCopy;
    }

    /** The fields the application handled, from what it already read (see {@link PostedFields}). */
    Map<String, List<String>> fields() {
        return PostedFields.of(parametersRead ? this::getParameterMap : null, getQueryString(), bodyRead(), getContentType());
    }

    /** The body bytes the application read, when it read all of them and they fit the copy; else null. */
    private byte[] bodyRead() {
        synchronized (copy) {
            return truncated || copy.size() == 0 ? null : copy.toByteArray();
        }
    }

    @Override
    public String getParameter(String name) {
        parametersRead = true;
        return super.getParameter(name);
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        parametersRead = true;
        return super.getParameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        parametersRead = true;
        return super.getParameterNames();
    }

    @Override
    public String[] getParameterValues(String name) {
        parametersRead = true;
        return super.getParameterValues(name);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
        if (stream == null) {
            stream = new Copying(super.getInputStream());
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    private void keep(byte[] bytes, int offset, int length) {
        synchronized (copy) {
            if (copy.size() + length > maxCopy) {
                truncated = true;
            } else if (!truncated) {
                copy.write(bytes, offset, length);
            }
        }
    }

    /** The container's stream, keeping a bounded copy of what passes; async reading is left to the container. */
    private final class Copying extends ServletInputStream {
        private final ServletInputStream in;

        Copying(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                keep(buffer, offset, n);
            }
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
