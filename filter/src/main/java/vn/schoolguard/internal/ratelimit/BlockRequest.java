package vn.schoolguard.internal.ratelimit;

import java.time.Duration;

/**
 * What a moderator asks to block.
 *
 * @param cidr         an address or CIDR block, as typed
 * @param reason       why (required)
 * @param expiresIn    how long the block lasts, or null for until lifted
 * @param submissionId the submission it comes from, or null
 */
public record BlockRequest(String cidr, String reason, Duration expiresIn, Long submissionId) {
}
