package vn.schoolguard.internal.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Whether an approved submission reached a page. "Approved" is not "published": the application may answer
 * and still drop it, so an approval is only {@link State#SENT} until its text is seen in a page the site
 * served ({@link State#SEEN}).
 *
 * @param sentAt   when the application accepted the replay, null before (or when it never did)
 * @param seenPath the path (and query) of the first page the approved text was seen on, null until then
 * @param seenAt   when, null until then
 */
public record Publication(Instant sentAt, String seenPath, Instant seenAt) {

    /** Nothing sent, nothing seen. */
    public static final Publication NONE = new Publication(null, null, null);

    /** Where a submission's publication stands. */
    public enum State {
        /** Its text was seen in a page the site served. */
        SEEN,
        /** The application accepted it; its text has not been seen in a page yet. */
        SENT,
        /** The application did not take it: it is back in the queue with the error. */
        FAILED;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The state of a submission with this publication, or null when it was never approved nor tried. */
    static State stateOf(Status status, Publication publication, String replayError) {
        if (status == Status.APPROVED) {
            return publication.seenAt() != null ? State.SEEN : State.SENT;
        }
        return status == Status.PENDING && replayError != null ? State.FAILED : null;
    }

    /** True when it was sent longer than {@code after} ago and still has not been seen. */
    boolean unseenFor(Instant now, Duration after) {
        return seenAt == null && sentAt != null && sentAt.plus(after).isBefore(now);
    }
}
