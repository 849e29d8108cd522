package vn.schoolguard.api;

/**
 * Receives submissions when a moderator approves them, for applications that prefer to store approved
 * content in code rather than (or as well as) through replay.
 *
 * <p>Register one from the application's own startup code:
 * <pre>{@code
 * SchoolGuardFilter.approvalListeners(servletContext).add(submission ->
 *         commentService.save(submission.field("author"), submission.field("content")));
 * }</pre>
 * and set {@code moderation.replay=false} if the listener replaces replay. Listeners run on the
 * moderator's request thread after the submission is marked approved; an exception is logged and shown
 * to the moderator but does not undo the approval. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ApprovalListener {

    void approved(ApprovedSubmission submission) throws Exception;
}
