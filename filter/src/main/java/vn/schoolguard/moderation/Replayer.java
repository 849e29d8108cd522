package vn.schoolguard.moderation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.log.Log;

/**
 * Replays an approved submission to the application, so that the application stores it exactly as if the
 * poster had just sent it: by default as a fresh request over a loopback HTTP connection
 * ({@link LoopbackReplayer}), or by an internal forward from inside the moderator's request
 * ({@code replay.mode=forward}). Both give a {@link ReplayAnswer}, which the route's {@link SuccessRules} judge.
 */
final class Replayer {

    private static final Log LOG = Log.get(Replayer.class);

    /** What the application did with a replayed submission. */
    record Outcome(boolean stored, int status, String error) {
    }

    private final ReplaySettings settings;
    private final LoopbackReplayer loopback;

    Replayer(ReplaySettings settings, ReplayTokens tokens) {
        this.settings = settings;
        this.loopback = new LoopbackReplayer(settings, tokens);
    }

    /**
     * Replays a submission to its stored canonical path, rebuilt only from its approved values (see
     * {@link ReplayBody}), with the poster's kept session values.
     */
    // Security-critical: the original query string and body are never replayed.
    Outcome replay(HttpServletRequest via, Submission submission, Route route, SessionValues session) {
        try {
            String decoded = SubmissionPath.decodeStored(submission.posted().path());
            if (route == null || !route.matches(submission.posted().method(), decoded)) {
                return new Outcome(false, 0, "not replayed: " + submission.posted().method() + " " + submission.posted().path()
                        + " is not on the route " + submission.posted().route()
                        + (route == null ? " (no longer configured)" : " (" + route.method() + " " + route.pattern() + ")"));
            }
        } catch (BadSubmission e) {
            return new Outcome(false, 0, "not replayed: " + e.getMessage());
        }
        ReplayBody body = ReplayBody.of(submission);
        return settings.mode() == ReplaySettings.Mode.LOOPBACK
                ? viaLoopback(via, submission, route, body, session)
                : viaForward(via, submission, route, body, session);
    }

    private Outcome viaLoopback(HttpServletRequest via, Submission submission, Route route, ReplayBody body,
                                SessionValues session) {
        String target = loopback.base(via) + submission.posted().path();
        ReplayAnswer answer;
        try {
            answer = loopback.replay(via, submission, body, session);
        } catch (IOException e) {
            LOG.warn("Replay of submission {} to {} failed: {}", submission.id(), target, e.toString());
            return new Outcome(false, 0, unreachable(target, e));
        }
        return stored(answer, submission, route, target);
    }

    private static Outcome viaForward(HttpServletRequest via, Submission submission, Route route, ReplayBody body,
                                      SessionValues session) {
        RequestDispatcher dispatcher = via.getServletContext().getRequestDispatcher(submission.posted().path());
        if (dispatcher == null) {
            return new Outcome(false, 0, "the application has no resource at " + submission.posted().path());
        }
        ReplayRequest request = new ReplayRequest(via, submission, body.body(), body.contentType(), body.queryString(),
                body.queryParameters());
        if (!session.isEmpty()) {
            session.applyTo(request.getSession(true));
        }
        CapturedResponse response = new CapturedResponse();
        try {
            dispatcher.forward(request, response);
        } catch (Exception | LinkageError e) {
            LOG.warn("Replay of submission {} to {} failed", submission.id(), submission.posted().path(), e);
            return new Outcome(false, 0, "the application failed: " + e);
        }
        // The application saw the approving request's scheme; the host does not matter for the judgement.
        String target = via.getScheme() + "://localhost" + via.getContextPath() + submission.posted().path();
        return stored(response.answer(), submission, route, target);
    }

    /**
     * Whether the application took it, by the route's success rules; the same for both replay modes.
     *
     * @param target the URL the replay was sent to, so that a redirect back to it is not taken for success
     */
    private static Outcome stored(ReplayAnswer answer, Submission submission, Route route, String target) {
        SuccessRules.Judgement judged = route.success().judge(answer, submission.posted().method(),
                PublishedText.value(route, submission.posted().fields()), postedUri(target));
        return new Outcome(judged.accepted(), answer.status(), judged.error());
    }

    private static URI postedUri(String target) {
        try {
            return new URI(target);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static String unreachable(String where, IOException e) {
        String reason = e instanceof ConnectException ? "connection refused"
                : e instanceof SocketTimeoutException ? e.getMessage()
                : e instanceof UnknownHostException ? "unknown host " + e.getMessage()
                : e instanceof SSLException ? "TLS failed: " + e.getMessage()
                : e.getMessage() == null ? e.toString() : e.getMessage();
        return "the application could not be reached at " + where + " (" + reason + "); it stays in the queue."
                + " If the site listens elsewhere than the approving request's port, set replay.base-url";
    }
}
