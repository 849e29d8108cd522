package vn.schoolguard.internal.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.schoolguard.internal.db.Page;
import vn.schoolguard.internal.spam.Reason;
import vn.schoolguard.internal.spam.SpamScore;
import vn.schoolguard.internal.spam.SpamScorer;
import vn.schoolguard.internal.spam.Verdict;

/**
 * How the spam rules fare against moderators' decisions (per rule: how often it fired on what ended as
 * spam, and on what moderators approved — its false positives), and a re-check of approved content
 * under the current rules.
 */
public final class RuleReview {

    /** One rule's record over the window. */
    public record RuleStats(String rule, int spam, int rejected, int approved, int pending) {
        /** Share of decided firings that moderators approved: the rule's false-positive rate. */
        public double falsePositiveRate() {
            int decided = spam + rejected + approved;
            return decided == 0 ? 0 : (double) approved / decided;
        }
    }

    /** An approved submission that the current rules would hold back. */
    public record Flagged(Submission submission, SpamScore now) {
    }

    private static final int PAGE = 500;

    private final SubmissionRepository store;
    private final ModerationSettings settings;
    private final SpamScorer scorer;
    private final String siteKey;
    private final String honeypotField;
    private final Clock clock;

    public RuleReview(SubmissionRepository store, ModerationSettings settings, SpamScorer scorer, String honeypotField,
                      String siteKey, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.scorer = scorer;
        this.honeypotField = honeypotField;
        this.siteKey = siteKey;
        this.clock = clock;
    }

    /** Per-rule counts over submissions received in the window (at most {@code maxItems} of them, newest first). */
    public List<RuleStats> stats(Duration window, int maxItems) {
        Map<String, int[]> counts = new TreeMap<>();
        forEach(Optional.empty(), window, maxItems, s -> {
            Set<String> rules = new LinkedHashSet<>();
            for (Reason reason : s.scoring().reasons()) {
                if (reason.weight() > 0) {
                    rules.add(reason.rule());
                }
            }
            for (String rule : rules) {
                int[] c = counts.computeIfAbsent(rule, k -> new int[4]);
                switch (s.review().status()) {
                    case SPAM -> c[0]++;
                    case REJECTED -> c[1]++;
                    case APPROVED -> c[2]++;
                    default -> c[3]++;
                }
            }
        });
        List<RuleStats> stats = new ArrayList<>();
        counts.forEach((rule, c) -> stats.add(new RuleStats(rule, c[0], c[1], c[2], c[3])));
        return stats;
    }

    /** Approved submissions in the window that the current rules score {@code suspect} or {@code spam}. */
    public List<Flagged> recheckApproved(Duration window, int maxItems) {
        List<Flagged> flagged = new ArrayList<>();
        forEach(Optional.of(Status.APPROVED), window, maxItems, s -> {
            Route route = settings.routes().stream().filter(r -> r.name().equals(s.posted().route())).findFirst().orElse(null);
            SpamScore now = scorer.score(SpamMarks.input(route, s.allRawFields(), s.poster().clientIp(), s.receivedAt(), honeypotField));
            if (now.verdict() != Verdict.CLEAN) {
                flagged.add(new Flagged(s, now));
            }
        });
        return flagged;
    }

    private void forEach(Optional<Status> status, Duration window, int maxItems, java.util.function.Consumer<Submission> action) {
        Instant from = clock.instant().minus(window);
        int seen = 0;
        for (int offset = 0; seen < maxItems; offset += PAGE) {
            Page<Submission> page = store.search(siteKey, new SubmissionQuery(status, Optional.empty(), Optional.of(from),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Math.min(PAGE, maxItems - seen), offset));
            for (Submission s : page.items()) {
                action.accept(s);
            }
            seen += page.items().size();
            if (page.items().size() < PAGE) {
                return;
            }
        }
    }
}
