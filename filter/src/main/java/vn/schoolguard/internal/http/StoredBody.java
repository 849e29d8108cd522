package vn.schoolguard.internal.http;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import vn.schoolguard.internal.moderation.FormFields;

/** The approved body and parameters a replayed request serves, read once either as a stream or as a reader. */
// Security-critical: what the application reads here is exactly what the moderator approved.
final class StoredBody {

    private final byte[] body;
    private final Map<String, List<String>> parameters;
    private ServletInputStream stream;
    private BufferedReader reader;

    StoredBody(byte[] body, Map<String, List<String>> parameters) {
        this.body = body;
        this.parameters = FormFields.copy(parameters);
    }

    int length() {
        return body.length;
    }

    String parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    Map<String, String[]> parameterMap() {
        Map<String, String[]> map = new LinkedHashMap<>();
        parameters.forEach((name, values) -> map.put(name, values.toArray(new String[0])));
        return Collections.unmodifiableMap(map);
    }

    Enumeration<String> parameterNames() {
        return Collections.enumeration(parameters.keySet());
    }

    String[] parameterValues(String name) {
        List<String> values = parameters.get(name);
        return values == null ? null : values.toArray(new String[0]);
    }

    ServletInputStream inputStream() {
        if (reader != null) {
            throw new IllegalStateException("getReader() was already called");
        }
        if (stream == null) {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            stream = new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("a replayed request cannot be read asynchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }
        return stream;
    }

    BufferedReader reader() {
        if (stream != null) {
            throw new IllegalStateException("getInputStream() was already called");
        }
        if (reader == null) {
            reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
        }
        return reader;
    }
}
