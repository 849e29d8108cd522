package vn.schoolguard.moderation;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.log.Log;

/**
 * Replays an approved submission to the application, so that the application stores it exactly as if the
 * poster had just sent it: by default as a fresh request over a loopback HTTP connection
 * ({@link LoopbackReplayer}), or by an internal forward from inside the moderator's request
 * ({@code replay.mode=forward}). Both give a {@link ReplayAnswer}, which {@link #stored(ReplayAnswer)} judges.
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
            String decoded = SubmissionPath.decodeStored(submission.path());
            if (route == null || !route.matches(submission.method(), decoded)) {
                return new Outcome(false, 0, "not replayed: " + submission.method() + " " + submission.path()
                        + " is not on the route " + submission.route()
                        + (route == null ? " (no longer configured)" : " (" + route.method() + " " + route.pattern() + ")"));
            }
        } catch (BadSubmission e) {
            return new Outcome(false, 0, "not replayed: " + e.getMessage());
        }
        ReplayBody body = ReplayBody.of(submission);
        ReplayAnswer answer;
        if (settings.mode() == ReplaySettings.Mode.LOOPBACK) {
            try {
                answer = loopback.replay(via, submission, body, session);
            } catch (IOException e) {
                LOG.warn("Replay of submission {} to {} failed: {}", submission.id(), loopback.base(via), e.toString());
                return new Outcome(false, 0, unreachable(loopback.base(via) + submission.path(), e));
            }
        } else {
            RequestDispatcher dispatcher = via.getServletContext().getRequestDispatcher(submission.path());
            if (dispatcher == null) {
                return new Outcome(false, 0, "the application has no resource at " + submission.path());
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
                LOG.warn("Replay of submission {} to {} failed", submission.id(), submission.path(), e);
                return new Outcome(false, 0, "the application failed: " + e);
            }
            answer = response.answer();
        }
        if (stored(answer)) {
            return new Outcome(true, answer.status(), null);
        }
        return new Outcome(false, answer.status(), "the application answered " + answer.status() + why(answer));
    }

    /** Whether the application stored the submission, judged from its answer: any 2xx or 3xx status. */
    boolean stored(ReplayAnswer answer) {
        return answer.status() >= 200 && answer.status() < 400;
    }

    private static String why(ReplayAnswer answer) {
        String text = firstLine(answer.body());
        return text.isBlank() ? "" : ": " + text;
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

    private static String firstLine(String text) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return plain.length() > 300 ? plain.substring(0, 300) + "…" : plain;
    }
}
