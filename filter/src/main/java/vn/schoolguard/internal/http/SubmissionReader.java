package vn.schoolguard.internal.http;

import vn.schoolguard.internal.hash.Sha256;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.moderation.Attempt;
import vn.schoolguard.internal.moderation.BadSubmission;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.RawSubmission;
import vn.schoolguard.internal.moderation.ReplaySettings;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionCapture;
import vn.schoolguard.internal.moderation.SubmissionPath;
import vn.schoolguard.internal.net.ClientAddress;

/**
 * Reads a request on a submission route into a {@link RawSubmission}: the body within {@code moderation.max-body},
 * decoded strictly by its declared charset (a form) or as UTF-8 (JSON), the query string, the kept headers and
 * session attributes; then hands it to the {@link SubmissionCapture}. A refusal while reading is logged there too.
 */
final class SubmissionReader {

    /**
     * Request headers kept for replay and evidence; cookies and credentials never are. The Host is kept so that a
     * loopback replay reaches the same virtual host and site.
     */
    private static final Set<String> KEPT_HEADERS = Set.of("host", "content-type", "accept", "accept-language", "user-agent",
            "referer", "origin", "x-requested-with");

    private final ModerationSettings settings;
    private final ReplaySettings replay;
    private final SubmissionCapture capture;

    /** @param replay which of the poster's session attributes each route keeps for replay */
    SubmissionReader(ModerationSettings settings, ReplaySettings replay, SubmissionCapture capture) {
        this.settings = settings;
        this.replay = replay;
        this.capture = capture;
    }

    /** Who posts where, for the IP log; {@code poster} is the request with the recognised user. */
    static Attempt attempt(HttpServletRequest poster, Route route, String path, ClientAddress client) {
        return new Attempt(route, poster.getMethod(), path, client, truncate(poster.getHeader("User-Agent"), 1000),
                truncate(poster.getRemoteUser(), 200));
    }

    /**
     * Reads, checks, scores and stores a submission.
     *
     * @throws BadSubmission when the request is refused (the caller answers with its status and reason)
     * @throws vn.schoolguard.internal.db.StoreException when it cannot be stored (the caller answers 503)
     */
    Submission hold(HttpServletRequest request, Attempt attempt) throws BadSubmission, IOException {
        byte[][] body = new byte[1][];
        RawSubmission raw;
        try {
            raw = read(request, attempt, body);
        } catch (BadSubmission e) {
            capture.logRefused(attempt, e.getMessage(), body[0] == null ? null : Sha256.hex(body[0]));
            throw e;
        }
        return capture.capture(raw);
    }

    private RawSubmission read(HttpServletRequest request, Attempt attempt, byte[][] bodyOut)
            throws BadSubmission, IOException {
        // The header as sent: containers throw from getContentType() when its charset is unknown.
        String contentType = request.getHeader("Content-Type") == null ? "" : request.getHeader("Content-Type");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = charset(contentType, mediaType);
        String canonicalPath = SubmissionPath.canonical(rawPathInContext(request), attempt.path());
        byte[] body = readBody(request);
        bodyOut[0] = body;
        Map<String, List<String>> bodyFields = switch (mediaType) {
            case "application/x-www-form-urlencoded", "" ->
                    FormCodec.decode(new String(body, StandardCharsets.ISO_8859_1), charset, settings.maxFields());
            case "application/json" -> JsonForm.decode(body, settings.maxFields(), settings.maxFieldChars());
            default -> throw BadSubmission.unsupportedType(mediaType);
        };
        // The query string is as much a part of the submission as the body: the application can read both.
        Map<String, List<String>> queryFields = FormCodec.decode(request.getQueryString(), StandardCharsets.UTF_8,
                settings.maxFields());
        if (valueCount(bodyFields) + valueCount(queryFields) > settings.maxFields()) {
            throw BadSubmission.tooManyFields(settings.maxFields());
        }
        String route = attempt.route().name();
        List<String> sessionNames = replay.sessionAttributes(route);
        SessionValues session = sessionNames.isEmpty() ? SessionValues.NONE
                : SessionAttributes.keep(request.getSession(false), route, sessionNames);
        return new RawSubmission(attempt, canonicalPath, request.getQueryString(), contentType, keptHeaders(request),
                bodyFields, queryFields, Sha256.hex(body), session);
    }

    private static int valueCount(Map<String, List<String>> fields) {
        return fields.values().stream().mapToInt(List::size).sum();
    }

    /** The path within the context exactly as sent, not decoded. */
    static String rawPathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private byte[] readBody(HttpServletRequest request) throws BadSubmission, IOException {
        long limit = settings.maxBody();
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            throw BadSubmission.tooLarge(limit);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.max(0, Math.min(declared, limit)));
        byte[] buffer = new byte[8192];
        try (InputStream in = request.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (out.size() + n > limit) {
                    throw BadSubmission.tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
        }
        return out.toByteArray();
    }

    /** The charset a body is decoded with: a form's as declared (UTF-8 when none), a JSON body's always UTF-8. */
    private static Charset charset(String contentType, String mediaType) throws BadSubmission {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + 8).split(";", 2)[0].replace("\"", "").trim();
        if (mediaType.equals("application/json")) {
            if (!name.equalsIgnoreCase("utf-8") && !name.equalsIgnoreCase("utf8")) {
                throw BadSubmission.badCharset(name, "JSON in UTF-8");
            }
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw BadSubmission.badCharset(name, "a known charset such as UTF-8");
        }
    }

    private static Map<String, List<String>> keptHeaders(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            var values = request.getHeaders(name);
            if (values != null && values.hasMoreElements()) {
                List<String> list = new ArrayList<>();
                values.asIterator().forEachRemaining(v -> list.add(truncate(v, 1000)));
                headers.put(name, list);
            }
        }
        return headers;
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
