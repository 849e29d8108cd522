package vn.schoolguard.internal.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import vn.schoolguard.internal.moderation.FormFields;

/**
 * A request whose body SchoolGuard has already read (to judge a pass-through condition): the application reads
 * the same bytes again, and the form fields the container could no longer parse. Bytes beyond what was read
 * (an oversized body) follow from the connection.
 */
final class BufferedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final InputStream rest;
    private final Map<String, List<String>> query;
    /** The decoded form body; null when the body is not a form (the container's own parameters then hold). */
    private final Map<String, List<String>> form;
    private ServletInputStream stream;
    private Map<String, String[]> parameters;

    BufferedBodyRequest(HttpServletRequest request, byte[] body, InputStream rest, Map<String, List<String>> query,
                        Map<String, List<String>> form) {
        super(request);
        this.body = body;
        this.rest = rest;
        this.query = query;
        this.form = form;
    }

    @Override
    public ServletInputStream getInputStream() {
        if (stream == null) {
            InputStream in = rest == null ? new ByteArrayInputStream(body)
                    : new SequenceInputStream(new ByteArrayInputStream(body), rest);
            stream = new ServletInputStream() {
                private boolean finished;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    finished = b < 0;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    finished = n < 0;
                    return n;
                }

                @Override
                public boolean isFinished() {
                    return finished;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body was already read; read it blocking");
                }
            };
        }
        return stream;
    }

    @Override
    public BufferedReader getReader() {
        String encoding = getCharacterEncoding();
        Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }

    @Override
    public String getParameter(String name) {
        String[] values = parameterMap().get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    @Override
    public Map<String, String[]> getParameterMap() {
        return parameterMap();
    }

    @Override
    public Enumeration<String> getParameterNames() {
        return Collections.enumeration(parameterMap().keySet());
    }

    @Override
    public String[] getParameterValues(String name) {
        String[] values = parameterMap().get(name);
        return values == null ? null : values.clone();
    }

    /** As a container merges them: the query string's values first, then the body's. */
    private Map<String, String[]> parameterMap() {
        if (form == null) {
            return super.getParameterMap();
        }
        if (parameters == null) {
            Map<String, String[]> merged = new LinkedHashMap<>();
            FormFields.merge(query, form).forEach((name, values) -> merged.put(name, values.toArray(String[]::new)));
            parameters = Collections.unmodifiableMap(merged);
        }
        return parameters;
    }
}
