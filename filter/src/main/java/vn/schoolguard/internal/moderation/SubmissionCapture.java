package vn.schoolguard.internal.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.IpLogEntry;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.sanitize.HtmlPolicies;
import vn.schoolguard.internal.sanitize.SanitizedHtml;
import vn.schoolguard.internal.spam.ScoringInput;
import vn.schoolguard.internal.spam.SpamScore;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.spam.Verdict;
import vn.schoolguard.internal.db.StoreException;

/**
 * Turns a {@link RawSubmission} into a stored {@link Submission}: sanitizes HTML fields, scores it and stores it with
 * its IP log entry before the poster gets an answer; and writes the IP log entry of every attempt that is not held.
 */
public final class SubmissionCapture {

    /** Marks query-string fields where one list names fields of both parts (removed, dropped). */
    static final String QUERY_MARK = "?";

    private final ModerationSettings settings;
    private final SpamScorer scorer;
    private final SubmissionRepository store;
    private final IpLog ipLog;
    private final String honeypotField;
    private final String siteKey;
    private final Clock clock;

    public SubmissionCapture(ModerationSettings settings, SpamScorer scorer, String honeypotField, SubmissionRepository store,
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
    public void logAttempt(Attempt attempt, Outcome outcome, String detail) {
        ipLog.record(entry(attempt, null, outcome, detail, null));
    }

    /**
     * Logs a refused submission; when the log cannot be written, the entry goes to the mirror log instead.
     *
     * @param contentHash the SHA-256 of the body as far as it was read, or null
     */
    public void logRefused(Attempt attempt, String reason, String contentHash) {
        IpLogEntry refused = entry(attempt, null, Outcome.REFUSED, reason, contentHash);
        try {
            ipLog.record(refused);
        } catch (StoreException unavailable) {
            ipLog.mirrorUnstored(refused, unavailable.getMessage());
        }
    }

    /**
     * Checks, scores and stores a submission.
     *
     * @throws BadSubmission when it is refused (the caller answers with its status and reason); the refusal is logged
     * @throws StoreException when it cannot be stored (the caller answers 503)
     */
    public Submission capture(RawSubmission raw) throws BadSubmission {
        try {
            return hold(raw);
        } catch (BadSubmission e) {
            logRefused(raw.attempt(), e.getMessage(), raw.contentHash());
            throw e;
        }
    }

    private Submission hold(RawSubmission raw) throws BadSubmission {
        Attempt attempt = raw.attempt();
        Route route = attempt.route();
        ClientAddress client = attempt.client();
        List<String> dropped = new ArrayList<>();
        Map<String, List<String>> removed = new LinkedHashMap<>();
        Cleaned fromQuery = clean(route, raw.queryFields(), QUERY_MARK, dropped, removed);
        Cleaned fromBody = clean(route, raw.bodyFields(), "", dropped, removed);
        Instant receivedAt = clock.instant();
        ScoringInput input = SpamMarks.input(route, FormFields.merge(fromQuery.raw(), fromBody.raw()), client.ip(),
                receivedAt, honeypotField);
        SpamScore score = scorer.score(input);
        Status status = score.verdict() == Verdict.SPAM ? Status.SPAM : Status.PENDING;
        Posted posted = new Posted(route.name(), attempt.method(), raw.canonicalPath(), raw.queryString(), raw.contentType(),
                raw.headers(), fromBody.clean(), fromBody.raw(), removed, fromQuery.clean(), fromQuery.raw(), dropped);
        Poster poster = Poster.of(client, attempt.userAgent(), attempt.user());
        Submission submission = Submission.received(siteKey, ReceiptCodes.next(), receivedAt, posted, poster,
                Scoring.of(score, SpamScorer.fingerprint(input)), status);
        return store(attempt, submission, raw.contentHash(), raw.session());
    }

    private Submission store(Attempt attempt, Submission submission, String contentHash, SessionValues session) {
        Outcome outcome = submission.review().status() == Status.SPAM ? Outcome.SPAM : Outcome.HELD;
        try {
            SubmissionRepository.Inserted inserted = store.insertWithLog(submission, session,
                    s -> entry(attempt, s, outcome, null, contentHash));
            ipLog.mirror(inserted.logged());
            return inserted.submission();
        } catch (StoreException e) {
            ipLog.mirrorUnstored(entry(attempt, null, Outcome.HELD, null, contentHash), e.getMessage());
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

    private static IpLogEntry entry(Attempt attempt, Submission stored, Outcome outcome, String detail, String contentHash) {
        return new IpLogEntry(attempt.client(), attempt.userAgent(), attempt.user(), attempt.route().name(), attempt.method(),
                attempt.path(), stored == null ? null : stored.id(), stored == null ? null : stored.receipt(), outcome, detail,
                contentHash);
    }
}
