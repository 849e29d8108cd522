package vn.schoolguard.internal.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.moderation.Replay;
import vn.schoolguard.internal.moderation.SessionValues;
import vn.schoolguard.internal.moderation.Submission;

/**
 * Replays a submission by an internal forward from inside the moderator's request ({@code replay.mode=forward}):
 * the poster's request rebuilt ({@link ReplayRequest}) and the application's answer captured
 * ({@link CapturedResponse}), so that the filter still writes its own answer afterwards.
 */
final class ForwardReplayer {

    private static final Log LOG = Log.get(ForwardReplayer.class);

    private ForwardReplayer() {
    }

    static Replay.Delivery deliver(HttpServletRequest via, Submission submission, SessionValues session) {
        RequestDispatcher dispatcher = via.getServletContext().getRequestDispatcher(submission.posted().path());
        if (dispatcher == null) {
            return Replay.Delivery.failed("the application has no resource at " + submission.posted().path());
        }
        ReplayRequest request = new ReplayRequest(via, submission, ReplayBody.of(submission));
        if (!session.isEmpty()) {
            SessionAttributes.applyTo(session, request.getSession(true));
        }
        CapturedResponse response = new CapturedResponse();
        try {
            dispatcher.forward(request, response);
        } catch (Exception | LinkageError e) {
            LOG.warn("Replay of submission {} to {} failed", submission.id(), submission.posted().path(), e);
            return Replay.Delivery.failed("the application failed: " + e);
        }
        // The application saw the approving request's scheme; the host does not matter for the judgement.
        String target = via.getScheme() + "://localhost" + via.getContextPath() + submission.posted().path();
        return Replay.Delivery.answered(response.answer(), target);
    }
}
