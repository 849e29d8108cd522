package vn.schoolguard.internal.moderation;

import java.net.URI;

/**
 * Replays an approved submission through a {@link Replay}, so that the application stores it exactly as if the
 * poster had just sent it: only to a path its route still guards, and judged by the route's {@link SuccessRules}.
 */
final class Replayer {

    /** What the application did with a replayed submission. */
    record Outcome(boolean stored, int status, String error) {
    }

    private Replayer() {
    }

    // Security-critical: the original query string and body are never replayed (the Replay rebuilds them).
    static Outcome replay(Replay via, Submission submission, Route route, SessionValues session) {
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
        Replay.Delivery delivery = via.send(submission, session);
        if (delivery.answer() == null) {
            return new Outcome(false, 0, delivery.failure());
        }
        return stored(delivery.answer(), submission, route, delivery.target());
    }

    /**
     * Whether the application took it, by the route's success rules; the same for every replay mode.
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
}
