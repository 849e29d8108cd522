package vn.schoolguard.internal.iplog;

import java.time.Instant;
import java.util.Optional;

/**
 * What an IP log search matches, every part optional (all given parts must match). Built by {@link IpLogQuery#parse}.
 *
 * @param ipHex        the client address as {@link vn.schoolguard.internal.net.IpLiteral#hex} digits
 * @param cidrRange    a client block as its first and last address in hex
 * @param port         the client source port
 * @param from         logged at or after
 * @param to           logged before
 * @param submissionId the stored submission
 * @param receipt      the receipt code (any case)
 * @param route        the route name
 * @param user         the application user who posted
 * @param outcome      what became of the attempt
 * @param text         text in the user agent, path or detail
 */
public record IpLogCriteria(Optional<String> ipHex, Optional<String[]> cidrRange, Optional<Integer> port,
                            Optional<Instant> from, Optional<Instant> to, Optional<Long> submissionId,
                            Optional<String> receipt, Optional<String> route, Optional<String> user,
                            Optional<Outcome> outcome, Optional<String> text) {

    /** Matches every entry. */
    public static final IpLogCriteria ALL = new IpLogCriteria(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
}
