package vn.schoolguard.internal.web;

import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.moderation.Submission;
import vn.schoolguard.internal.moderation.SubmissionQueries;
import vn.schoolguard.internal.ratelimit.BlockRequest;
import vn.schoolguard.internal.ratelimit.BlockTexts;

/** Block requests from the console's form and the API's body, which name the same fields. */
final class BlockRequests {

    static final java.util.List<String> FIELDS = java.util.List.of("cidr", "reason", "expiresIn", "submission");

    private final SubmissionQueries queries;

    BlockRequests(SubmissionQueries queries) {
        this.queries = queries;
    }

    /**
     * A block request from form or JSON fields; with a {@code submission} and no {@code cidr}, the
     * submission's client address is blocked.
     */
    BlockRequest of(Map<String, String> fields) {
        Long submissionId = null;
        String cidr = fields.get("cidr");
        String submission = fields.get("submission");
        if (submission != null && !submission.isBlank()) {
            Optional<Submission> found = Optional.empty();
            try {
                submissionId = Long.parseLong(submission.trim());
                found = queries.find(submissionId);
            } catch (NumberFormatException e) {
                // Reported below as an unknown submission.
            }
            if (found.isEmpty()) {
                throw BlockTexts.badSubmission(submission);
            }
            if (cidr == null || cidr.isBlank()) {
                cidr = found.get().poster().clientIp();
            }
        }
        return new BlockRequest(cidr, fields.get("reason"), BlockTexts.parseExpiry(fields.get("expiresIn")), submissionId);
    }
}
