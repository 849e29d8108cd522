package vn.schoolguard.internal.inject;

import java.time.Instant;

/**
 * Pages whose own Content-Security-Policy stops the inserted EMC tracker, grouped by path pattern.
 *
 * @param pagePattern the path with segments holding digits written as {@code *}, such as {@code /news/*}
 * @param examplePath the last such page's path (no query string)
 * @param source      {@code meta} (a {@code <meta http-equiv>} element of the page) or {@code header}
 * @param blocked     what is stopped: {@code inline-script}, {@code tracker-script}, {@code tracking-requests},
 *                    {@code trusted-types} or {@code sandbox}
 * @param directive   the directive that decides, as the page wrote it, such as {@code script-src 'self'}
 * @param pages       pages seen with it since start
 * @param firstSeen   when it was first seen
 * @param lastSeen    when it was last seen
 */
public record DecorationWarning(String pagePattern, String examplePath, String source, String blocked,
                                String directive, long pages, Instant firstSeen, Instant lastSeen) {
}
