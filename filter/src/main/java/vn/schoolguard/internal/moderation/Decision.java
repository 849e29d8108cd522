package vn.schoolguard.internal.moderation;

import java.time.Instant;

/**
 * One entry of the append-only decision history.
 *
 * @param id           database id
 * @param submissionId the submission decided on
 * @param action       what was done: approve, reject, spam, edit, replay-failed, release
 * @param actor        who did it (a console account, or {@code system})
 * @param actedAt      when
 * @param fromStatus   status before
 * @param toStatus     status after
 * @param reason       the moderator's reason, may be null
 * @param detail       more detail (e.g. the edited fields or the replay error), may be null
 */
public record Decision(long id, long submissionId, String action, String actor, Instant actedAt, Status fromStatus,
                       Status toStatus, String reason, String detail) {
}
