package vn.schoolguard.internal.http;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.Attempt;
import vn.schoolguard.internal.moderation.BadSubmission;
import vn.schoolguard.internal.moderation.ModerationSettings;
import vn.schoolguard.internal.moderation.ReplaySettings;
import vn.schoolguard.internal.moderation.Route;
import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionCapture;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.net.ProxySettings;
import vn.schoolguard.internal.ratelimit.SubmissionGate;
import vn.schoolguard.internal.db.StoreException;

/**
 * A request on a submission route, taken in: trusted posters and pass-through conditions first
 * ({@link RouteAdmission}), then the block list and rate limits before the body is read ({@link SubmissionGate}),
 * then the submission read and held ({@link SubmissionReader}). Every attempt leaves its IP log entry. The caller
 * answers the poster by the {@link Result}. Thread-safe.
 */
// Security-critical: nothing on a submission route reaches the application except what passes here.
public final class SubmissionIntake {

    private static final Log LOG = Log.get(SubmissionIntake.class);

    private final ClientAddressResolver addresses;
    private final RouteAdmission admission;
    private final SubmissionGate gate;
    private final SubmissionCapture capture;
    private final SubmissionReader reader;

    /**
     * @param replay  which of the poster's session attributes each route keeps for replay
     * @param proxies the proxies whose header may name the signed-in user ({@code moderation.user-from=header:})
     */
    public SubmissionIntake(ModerationSettings moderation, ReplaySettings replay, ProxySettings proxies,
                            ClientAddressResolver addresses, SubmissionGate gate, SubmissionCapture capture) {
        this.addresses = addresses;
        this.admission = new RouteAdmission(moderation, new SignedInUsers(moderation, proxies));
        this.gate = gate;
        this.capture = capture;
        this.reader = new SubmissionReader(moderation, replay, capture);
    }

    /** What became of a request on a submission route. */
    public enum Kind {
        /** Not held (a trusted poster, a pass-through condition): {@link Result#request} goes on to the application. */
        PASSED,
        /** Refused by the block list or a rate limit: {@link Result#status} and {@link Result#retryAfterSeconds}. */
        LIMITED,
        /** Refused as malformed, too large, or for want of the database: {@link Result#status}, {@link Result#message}. */
        REFUSED,
        /** Held for moderation: {@link Result#submission}. */
        HELD
    }

    /**
     * The result of taking a request in; {@code request} is the one to answer (or, when passed, to hand on).
     * A class, not a record: the javax build's transformer leaves a record's component types unrewritten.
     */
    public static final class Result {
        public final Kind kind;
        public final HttpServletRequest request;
        public final int status;
        public final long retryAfterSeconds;
        public final String message;
        public final Submission submission;

        private Result(Kind kind, HttpServletRequest request, int status, long retryAfterSeconds, String message,
                       Submission submission) {
            this.kind = kind;
            this.request = request;
            this.status = status;
            this.retryAfterSeconds = retryAfterSeconds;
            this.message = message;
            this.submission = submission;
        }
    }

    /** Takes in a request on a route; {@code path} is the container's decoded path within the application. */
    public Result take(HttpServletRequest request, Route route, String path) throws IOException {
        RouteAdmission.Decision decision = admission.decide(request, route);
        if (decision.hold) {
            return hold(decision.poster, route, path);
        }
        try {
            capture.logAttempt(SubmissionReader.attempt(decision.poster, route, path, addresses.resolve(request)),
                    Outcome.BYPASSED, decision.reason);
        } catch (StoreException e) {
            // Even trusted posts must leave an IP log entry; without the database they wait.
            LOG.error("Trusted post on route {} refused: the IP log is unavailable", route.name(), e);
            return new Result(Kind.REFUSED, request, 503, 0, e.getMessage(), null);
        }
        return new Result(Kind.PASSED, decision.forApp, 0, 0, null, null);
    }

    private Result hold(HttpServletRequest poster, Route route, String path) throws IOException {
        ClientAddress client = addresses.resolve(poster);
        Attempt attempt = SubmissionReader.attempt(poster, route, path, client);
        // Blocks and rate limits come first, before the body is read, so that refusing a flood stays cheap.
        Optional<SubmissionGate.Refusal> refusal = gate.check(route.name(), client, poster.getRemoteUser());
        if (refusal.isPresent()) {
            log(attempt, refusal.get());
            return new Result(Kind.LIMITED, poster, refusal.get().kind().status(), refusal.get().retryAfterSeconds(),
                    null, null);
        }
        try {
            Submission submission = reader.hold(poster, attempt);
            LOG.debug("Held submission {} on route {} from {}:{}", submission.id(), route.name(), client.ip(), client.port());
            return new Result(Kind.HELD, poster, 0, 0, null, submission);
        } catch (BadSubmission e) {
            return new Result(Kind.REFUSED, poster, e.status(), 0, e.getMessage(), null);
        } catch (StoreException e) {
            LOG.error("Submission on route {} from {} refused: the database is unavailable", route.name(), client.ip(), e);
            return new Result(Kind.REFUSED, poster, 503, 0, e.getMessage(), null);
        }
    }

    private void log(Attempt attempt, SubmissionGate.Refusal refusal) {
        if (!refusal.logged()) {
            return;
        }
        try {
            capture.logAttempt(attempt, refusal.outcome(), refusal.detail());
        } catch (StoreException e) {
            refusal.unstored(e);
        }
    }
}
