package vn.schoolguard.moderation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;


import vn.schoolguard.hash.Sha256;
import vn.schoolguard.iplog.IpLog;
import vn.schoolguard.iplog.IpLogEntry;
import vn.schoolguard.iplog.Outcome;
import vn.schoolguard.net.ClientAddress;
import vn.schoolguard.db.StoreException;
import vn.schoolguard.sanitize.HtmlPolicies;
import vn.schoolguard.sanitize.SanitizedHtml;
import vn.schoolguard.spam.ScoringInput;
import vn.schoolguard.spam.SpamScore;
import vn.schoolguard.spam.SpamScorer;
import vn.schoolguard.spam.Verdict;

/**
 * Turns a request on a submission route into a stored {@link Submission}: reads the body within limits,
 * decodes it strictly, sanitizes HTML fields, scores it and stores it before the poster gets an answer.
 */
public final class SubmissionCapture {

    /**
     * Request headers kept for replay and evidence; cookies and credentials never are. The Host is kept so that a
     * loopback replay reaches the same virtual host and site.
     */
    private static final Set<String> KEPT_HEADERS = Set.of("host", "content-type", "accept", "accept-language", "user-agent",
            "referer", "origin", "x-requested-with");

    /** Marks query-string fields where one list names fields of both parts (removed, dropped). */
    static final String QUERY_MARK = "?";

    private final ModerationSettings settings;
    private final SpamScorer scorer;
    private final SubmissionRepository store;
    private final IpLog ipLog;
    private final String honeypotField;
    private final String siteKey;
    private final Clock clock;
    private final ReplaySettings replay;

    public SubmissionCapture(ModerationSettings settings, SpamScorer scorer, String honeypotField, SubmissionRepository store,
                             IpLog ipLog, String siteKey, Clock clock) {
        this(settings, ReplaySettings.defaults(), scorer, honeypotField, store, ipLog, siteKey, clock);
    }

    /** @param replay which of the poster's session attributes each route keeps for replay */
    public SubmissionCapture(ModerationSettings settings, ReplaySettings replay, SpamScorer scorer, String honeypotField,
                             SubmissionRepository store, IpLog ipLog, String siteKey, Clock clock) {
        this.replay = replay;
        this.honeypotField = honeypotField;
        this.settings = settings;
        this.scorer = scorer;
        this.store = store;
        this.ipLog = ipLog;
        this.siteKey = siteKey;
        this.clock = clock;
    }

    /**
     * Logs an attempt that never reaches the store (a trusted poster, a rate limit, a block).
     *
     * @throws StoreException when the log cannot be written; the caller must then refuse the attempt
     */
    public void logAttempt(HttpServletRequest request, Route route, String path, ClientAddress client, Outcome outcome,
                           String detail) {
        ipLog.record(entry(request, route, path, client, null, outcome, detail, null));
    }

    /**
     * Reads, checks, scores and stores a submission.
     *
     * @throws BadSubmission when the request is refused (the caller answers with its status and reason)
     * @throws vn.schoolguard.db.StoreException when it cannot be stored (the caller answers 503)
     */
    public Submission capture(HttpServletRequest request, Route route, String path, ClientAddress client)
            throws BadSubmission, IOException {
        byte[][] body = new byte[1][];
        try {
            return capture(request, route, path, client, body);
        } catch (BadSubmission e) {
            IpLogEntry refused = entry(request, route, path, client, null, Outcome.REFUSED, e.getMessage(),
                    body[0] == null ? null : Sha256.hex(body[0]));
            try {
                ipLog.record(refused);
            } catch (StoreException unavailable) {
                ipLog.mirrorUnstored(refused, unavailable.getMessage());
            }
            throw e;
        }
    }

    private Submission capture(HttpServletRequest request, Route route, String path, ClientAddress client, byte[][] bodyOut)
            throws BadSubmission, IOException {
        // The header as sent: containers throw from getContentType() when its charset is unknown.
        String contentType = request.getHeader("Content-Type") == null ? "" : request.getHeader("Content-Type");
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = charset(contentType, mediaType);
        String canonicalPath = SubmissionPath.canonical(rawPathInContext(request), path);
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
        List<String> dropped = new ArrayList<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        Cleaned fromQuery = clean(route, queryFields, QUERY_MARK, dropped, removed);
        Cleaned fromBody = clean(route, bodyFields, "", dropped, removed);
        java.time.Instant receivedAt = clock.instant();
        ScoringInput input = SpamMarks.input(route, FormFields.merge(fromQuery.raw(), fromBody.raw()), client.ip(),
                receivedAt, honeypotField);
        SpamScore score = scorer.score(input);
        Status status = score.verdict() == Verdict.SPAM ? Status.SPAM : Status.PENDING;
        Posted posted = new Posted(route.name(), request.getMethod(), canonicalPath, request.getQueryString(), contentType,
                keptHeaders(request), fromBody.clean(), fromBody.raw(), removed, fromQuery.clean(), fromQuery.raw(), dropped);
        Poster poster = Poster.of(client, truncate(request.getHeader("User-Agent"), 1000),
                truncate(request.getRemoteUser(), 200));
        Submission submission = Submission.received(siteKey, ReceiptCodes.next(), receivedAt, posted, poster,
                Scoring.of(score, SpamScorer.fingerprint(input)), status);
        List<String> sessionNames = replay.sessionAttributes(route.name());
        SessionValues session = sessionNames.isEmpty() ? SessionValues.NONE
                : SessionValues.capture(request.getSession(false), route.name(), sessionNames);
        return store(request, route, path, client, submission, Sha256.hex(body), session);
    }

    private Submission store(HttpServletRequest request, Route route, String path, ClientAddress client, Submission submission,
                             String contentHash, SessionValues session) {
        Outcome outcome = submission.review().status() == Status.SPAM ? Outcome.SPAM : Outcome.HELD;
        try {
            SubmissionRepository.Inserted inserted = store.insertWithLog(submission, session,
                    s -> entry(request, route, path, client, s, outcome, null, contentHash));
            ipLog.mirror(inserted.logged());
            return inserted.submission();
        } catch (StoreException e) {
            ipLog.mirrorUnstored(entry(request, route, path, client, null, Outcome.HELD, null, contentHash), e.getMessage());
            throw e;
        }
    }

    /** A part of a submission (query string or body) as posted and as the application will receive it. */
    private record Cleaned(Map<String, List<String>> raw, Map<String, List<String>> clean) {
    }

    /**
     * Sanitizes each field by its role; fields the route does not list are plain text, or dropped (and named
     * in {@code dropped}, so that the moderator knows) when the route drops them.
     */
    // Security-critical: only what leaves here is ever replayed.
    private Cleaned clean(Route route, Map<String, List<String>> fields, String mark, List<String> dropped,
                          Map<String, List<String>> removed) throws BadSubmission {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : fields.entrySet()) {
            String name = field.getKey();
            if (!route.keepUnlisted() && !route.fields().containsKey(name)) {
                dropped.add(mark + name);
                continue;
            }
            FieldRole role = route.roleOf(name);
            List<String> cleanValues = new ArrayList<>();
            for (String value : field.getValue()) {
                if (value.length() > settings.maxFieldChars()) {
                    throw BadSubmission.fieldTooLong(name, settings.maxFieldChars());
                }
                if (role == FieldRole.HTML) {
                    SanitizedHtml sanitized = HtmlPolicies.sanitize(route.htmlPolicy(), value);
                    cleanValues.add(sanitized.html());
                    if (!sanitized.removed().isEmpty()) {
                        removed.computeIfAbsent(mark + name, k -> new ArrayList<>()).addAll(sanitized.removed());
                    }
                } else {
                    cleanValues.add(value);
                }
            }
            raw.put(name, field.getValue());
            clean.put(name, cleanValues);
        }
        return new Cleaned(raw, clean);
    }

    private static int valueCount(Map<String, List<String>> fields) {
        return fields.values().stream().mapToInt(List::size).sum();
    }

    /** The path within the context exactly as sent, not decoded. */
    private static String rawPathInContext(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    private static IpLogEntry entry(HttpServletRequest request, Route route, String path, ClientAddress client,
                                    Submission stored, Outcome outcome, String detail, String contentHash) {
        return new IpLogEntry(client, truncate(request.getHeader("User-Agent"), 1000), truncate(request.getRemoteUser(), 200),
                route.name(), request.getMethod(), path, stored == null ? null : stored.id(),
                stored == null ? null : stored.receipt(), outcome, detail, contentHash);
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

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
