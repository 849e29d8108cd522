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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import vn.schoolguard.iplog.IpLog;
import vn.schoolguard.iplog.IpLogEntry;
import vn.schoolguard.iplog.IpLogRecord;
import vn.schoolguard.iplog.Outcome;
import vn.schoolguard.net.ClientAddress;
import vn.schoolguard.store.StoreException;
import vn.schoolguard.sanitize.HtmlPolicies;
import vn.schoolguard.sanitize.SanitizedHtml;
import vn.schoolguard.spam.ScoringInput;
import vn.schoolguard.spam.SpamScore;
import vn.schoolguard.spam.SpamScorer;
import vn.schoolguard.spam.Verdict;
import vn.schoolguard.store.Json;

/**
 * Turns a request on a submission route into a stored {@link Submission}: reads the body within limits,
 * decodes it strictly, sanitizes HTML fields, scores it and stores it before the poster gets an answer.
 */
public final class SubmissionCapture {

    /** Request headers kept for replay and evidence; cookies and credentials never are. */
    private static final Set<String> KEPT_HEADERS = Set.of("content-type", "accept", "accept-language", "user-agent",
            "referer", "origin", "x-requested-with");

    private final ModerationSettings settings;
    private final SpamScorer scorer;
    private final SubmissionStore store;
    private final IpLog ipLog;
    private final String honeypotField;
    private final String siteKey;
    private final Clock clock;

    public SubmissionCapture(ModerationSettings settings, SpamScorer scorer, String honeypotField, SubmissionStore store,
                             IpLog ipLog, String siteKey, Clock clock) {
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
     * @throws vn.schoolguard.store.StoreException when it cannot be stored (the caller answers 503)
     */
    public Submission capture(HttpServletRequest request, Route route, String path, ClientAddress client)
            throws BadSubmission, IOException {
        byte[][] body = new byte[1][];
        try {
            return capture(request, route, path, client, body);
        } catch (BadSubmission e) {
            IpLogEntry refused = entry(request, route, path, client, null, Outcome.REFUSED, e.getMessage(),
                    body[0] == null ? null : sha256(body[0]));
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
        String contentType = request.getContentType() == null ? "" : request.getContentType();
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        Charset charset = charset(contentType);
        byte[] body = readBody(request);
        bodyOut[0] = body;
        Map<String, List<String>> raw = switch (mediaType) {
            case "application/x-www-form-urlencoded", "" ->
                    FormCodec.decode(new String(body, StandardCharsets.ISO_8859_1), charset, settings.maxFields());
            case "application/json" -> decodeJson(body, settings.maxFields());
            default -> throw BadSubmission.unsupportedType(mediaType);
        };
        // The query string is checked as strictly as the body, since it is replayed too.
        FormCodec.decode(request.getQueryString(), StandardCharsets.UTF_8, settings.maxFields());

        Map<String, List<String>> rawKept = new LinkedHashMap<>();
        Map<String, List<String>> clean = new LinkedHashMap<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : raw.entrySet()) {
            String name = field.getKey();
            if (!route.keepUnlisted() && !route.fields().containsKey(name)) {
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
                        removed.computeIfAbsent(name, k -> new ArrayList<>()).addAll(sanitized.removed());
                    }
                } else {
                    cleanValues.add(value);
                }
            }
            rawKept.put(name, field.getValue());
            clean.put(name, cleanValues);
        }
        java.time.Instant receivedAt = clock.instant();
        ScoringInput input = SpamMarks.input(route, rawKept, client.ip(), receivedAt, honeypotField);
        SpamScore score = scorer.score(input);
        Status status = score.verdict() == Verdict.SPAM ? Status.SPAM : Status.PENDING;
        Submission submission = new Submission(0, siteKey, ReceiptCodes.next(), route.name(), request.getMethod(), path,
                request.getQueryString(), contentType, keptHeaders(request), clean, rawKept, removed, client.ip(),
                client.port(), client.peerIp(), client.peerPort(), client.forwardedChain(),
                truncate(request.getHeader("User-Agent"), 1000), truncate(request.getRemoteUser(), 200), receivedAt,
                status, score.verdict(), score.score(), score.reasons(), SpamScorer.fingerprint(input), null, null, null, null, null, 0, 0);
        String contentHash = sha256(body);
        IpLogRecord[] logged = new IpLogRecord[1];
        try {
            Submission stored = store.insert(submission, (c, s) -> logged[0] = ipLog.append(c,
                    entry(request, route, path, client, s, status == Status.SPAM ? Outcome.SPAM : Outcome.HELD, null, contentHash)));
            ipLog.mirror(logged[0]);
            return stored;
        } catch (StoreException e) {
            ipLog.mirrorUnstored(entry(request, route, path, client, null, Outcome.HELD, null, contentHash), e.getMessage());
            throw e;
        }
    }

    private static IpLogEntry entry(HttpServletRequest request, Route route, String path, ClientAddress client,
                                    Submission stored, Outcome outcome, String detail, String contentHash) {
        return new IpLogEntry(client, truncate(request.getHeader("User-Agent"), 1000), truncate(request.getRemoteUser(), 200),
                route.name(), request.getMethod(), path, stored == null ? null : stored.id(),
                stored == null ? null : stored.receipt(), outcome, detail, contentHash);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    private static Map<String, List<String>> decodeJson(byte[] body, int maxFields) throws BadSubmission {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw BadSubmission.malformed("the JSON body cannot be read (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw BadSubmission.malformed("the JSON body cannot be read");
        }
        if (root == null || !root.isObject()) {
            throw BadSubmission.malformed("a JSON body must be one object of named fields");
        }
        if (root.size() > maxFields) {
            throw BadSubmission.tooManyFields(maxFields);
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode item : value) {
                    values.add(scalar(field.getKey(), item));
                }
            } else {
                values.add(scalar(field.getKey(), value));
            }
            fields.put(field.getKey(), values);
        }
        return fields;
    }

    private static String scalar(String name, JsonNode node) throws BadSubmission {
        if (node.isValueNode()) {
            return node.isNull() ? "" : node.asText();
        }
        throw BadSubmission.malformed("field '" + name + "' holds a nested object; only text, numbers and lists of them are accepted");
    }

    private static Charset charset(String contentType) throws BadSubmission {
        int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at < 0) {
            return StandardCharsets.UTF_8;
        }
        String name = contentType.substring(at + 8).split(";", 2)[0].replace("\"", "").trim();
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw BadSubmission.malformed("unknown charset '" + name + "'");
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
