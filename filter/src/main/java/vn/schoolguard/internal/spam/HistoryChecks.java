package vn.schoolguard.internal.spam;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/** Checks against the memory of earlier submissions and moderators' spam marks. */
final class HistoryChecks {

    private HistoryChecks() {
    }

    /** At least {@code threshold} earlier submissions with the same fingerprint within {@code window}. */
    static final class Repeat implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            int threshold = (int) RuleCheck.param(rule, "threshold", 2);
            Duration window = SpamSettings.duration(rule.params().getOrDefault("window", "24h"));
            if (ev.longEnough) {
                int count = ev.memory.countSameFingerprint(ev.fingerprint, ev.input.receivedAt().minus(window), ev.input.receivedAt());
                if (count >= threshold) {
                    ev.add(rule, SpamTexts.repeated(rule.label(), count, window), rule.weight());
                }
            }
        }
    }

    /** The poster's IP address sent something moderators marked as spam. */
    static final class MarkedIp implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            String ip = ev.input.clientIp();
            if (!ip.isBlank() && ev.memory.markedSpamIp(ip)) {
                ev.add(rule, SpamTexts.marked(rule.label(), ip), rule.weight());
            }
        }
    }

    /** The e-mail address sent something moderators marked as spam. */
    static final class MarkedEmail implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            String email = ev.input.email().trim().toLowerCase(Locale.ROOT);
            if (!email.isEmpty() && ev.memory.markedSpamEmail(email)) {
                ev.add(rule, SpamTexts.marked(rule.label(), email), rule.weight());
            }
        }
    }

    /** A linked or named host (not allowed) appeared in something moderators marked as spam. */
    static final class MarkedHost implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            Set<String> asked = new LinkedHashSet<>(ev.hosts);
            asked.removeAll(ev.allowedHosts);
            Set<String> marked = asked.isEmpty() ? Set.of() : ev.memory.markedSpamHosts(asked);
            if (!marked.isEmpty()) {
                ev.add(rule, SpamTexts.matched(rule.label(), marked), rule.weight());
            }
        }
    }

    /** The same text (by fingerprint) was marked as spam by a moderator. */
    static final class MarkedFingerprint implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            if (ev.longEnough && ev.memory.markedSpamFingerprint(ev.fingerprint)) {
                ev.add(rule, SpamTexts.marked(rule.label(), ev.fingerprint), rule.weight());
            }
        }
    }

    /** A near-duplicate of a text moderators marked as spam: one marked variant catches a campaign. */
    static final class Campaign implements RuleCheck {
        @Override
        public void apply(Rule rule, Evaluation ev) {
            int[] signature = ev.memory.holdsSignatures() ? ev.signature() : null;
            if (signature == null) {
                return;
            }
            double threshold = RuleCheck.param(rule, "threshold", 0.5);
            double best = 0;
            for (String stored : ev.memory.markedSpamSignatures(MinHash.bands(signature))) {
                int[] marked = MinHash.decode(stored);
                if (marked != null) {
                    best = Math.max(best, MinHash.similarity(signature, marked));
                }
            }
            if (best >= threshold) {
                ev.add(rule, SpamTexts.nearDuplicate(rule.label(), best), rule.weight());
            }
        }
    }
}
