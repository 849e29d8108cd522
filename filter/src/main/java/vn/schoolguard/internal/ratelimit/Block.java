package vn.schoolguard.internal.ratelimit;

import java.time.Instant;

/**
 * One entry of the block list.
 *
 * @param id           its number
 * @param cidr         the blocked address or block, canonical ({@code 203.0.113.0/24}, a single address as {@code /32})
 * @param reason       why, as the moderator wrote it
 * @param createdBy    who blocked it
 * @param createdAt    when
 * @param expiresAt    when the block ends by itself, or null for never
 * @param submissionId the submission it was blocked from, or null
 * @param removedAt    when it was lifted by hand, or null
 * @param removedBy    who lifted it, or null
 * @param hits         how many submissions it refused (on every node; the last few seconds may still be on their way)
 * @param lastHitAt    the last refused submission, or null
 */
public record Block(long id, String cidr, String reason, String createdBy, Instant createdAt, Instant expiresAt,
                    Long submissionId, Instant removedAt, String removedBy, long hits, Instant lastHitAt) {

    /** Whether it refuses submissions at the given time. */
    public boolean activeAt(Instant now) {
        return removedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}
