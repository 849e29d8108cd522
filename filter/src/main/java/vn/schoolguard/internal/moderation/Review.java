package vn.schoolguard.internal.moderation;

import java.time.Instant;

/**
 * Where a submission's moderation stands: the last decision, the last replay and whether it was published.
 *
 * @param status         where it stands
 * @param decidedAt      when a moderator last decided, may be null
 * @param decidedBy      who, may be null
 * @param decisionReason why (e.g. a rejection reason), may be null
 * @param replayStatus   the application's status code on the last replay, may be null
 * @param replayError    why the last replay failed, may be null
 * @param replayAttempts how many replays were tried
 * @param version        optimistic-lock counter
 * @param publication    whether the application accepted it and where its text was seen
 */
public record Review(Status status, Instant decidedAt, String decidedBy, String decisionReason, Integer replayStatus,
                     String replayError, int replayAttempts, int version, Publication publication) {

    public Review {
        publication = publication == null ? Publication.NONE : publication;
    }

    /** A submission nobody has decided on, replayed or seen yet. */
    public static Review undecided(Status status) {
        return new Review(status, null, null, null, null, null, 0, 0, Publication.NONE);
    }
}
