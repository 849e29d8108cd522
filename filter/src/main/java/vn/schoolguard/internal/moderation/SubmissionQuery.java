package vn.schoolguard.internal.moderation;

import java.time.Instant;
import java.util.Optional;

/**
 * A search of the queue.
 *
 * @param status optional status
 * @param route  optional route name
 * @param from   optional earliest receive time (inclusive)
 * @param to     optional latest receive time (exclusive)
 * @param text   optional text that a field contains (case-insensitive)
 * @param clientIp optional exact client address
 * @param reason optional rule id among the reasons
 * @param limit  page size
 * @param offset rows to skip
 */
public record SubmissionQuery(Optional<Status> status, Optional<String> route, Optional<Instant> from,
                              Optional<Instant> to, Optional<String> text, Optional<String> clientIp,
                              Optional<String> reason, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public static SubmissionQuery byStatus(Status status, int limit, int offset) {
        return new SubmissionQuery(Optional.of(status), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), limit, offset);
    }
}
