package vn.schoolguard.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.moderation.BadSubmission;
import vn.schoolguard.internal.moderation.ReplayTokens;
import vn.schoolguard.internal.moderation.Poster;
import vn.schoolguard.internal.moderation.Submission;

/**
 * A verified loopback replay turned back into the poster's request: the poster's address and port, the
 * replay token hidden, and the body (already read to check the token) served again, with its form fields as
 * parameters. Everything else is the container's own fresh request, which carries no cookie, credential or
 * session of anyone.
 */
// Security-critical: the application must see the poster, never the loopback connection or the token.
final class PosterRequest extends StoredBodyRequest {

    private final Submission submission;

    PosterRequest(HttpServletRequest request, Submission submission, byte[] body) {
        super(request, new StoredBody(body, parameters(request, body)));
        this.submission = submission;
    }

    /** As a container merges them: the query string's fields first, then a form body's. */
    private static Map<String, List<String>> parameters(HttpServletRequest request, byte[] body) {
        Map<String, List<String>> params = new LinkedHashMap<>(decode(request.getQueryString()));
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            decode(new String(body, StandardCharsets.ISO_8859_1))
                    .forEach((name, values) -> params.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        }
        return params;
    }

    /** Replays are encoded in UTF-8 from approved values, so they always decode. */
    private static Map<String, List<String>> decode(String encoded) {
        try {
            return FormCodec.decode(encoded, StandardCharsets.UTF_8, Integer.MAX_VALUE);
        } catch (BadSubmission e) {
            throw new IllegalStateException("a verified replay did not decode: " + e.getMessage(), e);
        }
    }

    @Override
    Poster poster() {
        return submission.poster();
    }

    @Override
    public String getHeader(String name) {
        return isToken(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
        return isToken(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> e = super.getHeaderNames(); e != null && e.hasMoreElements(); ) {
            String name = e.nextElement();
            if (!isToken(name)) {
                names.add(name);
            }
        }
        return Collections.enumeration(names);
    }

    private static boolean isToken(String name) {
        return name != null && name.equalsIgnoreCase(ReplayTokens.HEADER);
    }
}
