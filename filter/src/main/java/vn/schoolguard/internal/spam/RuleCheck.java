package vn.schoolguard.internal.spam;

import java.util.EnumMap;
import java.util.Map;

/**
 * What one kind of rule checks. Each kind has one small implementation; the scorer runs every rule of the pack
 * in pack order through the check of its kind, then the {@link #late() late} ones (awareness offsets, which
 * depend on what the others found).
 */
interface RuleCheck {

    /** Adds at most one reason for the rule to the evaluation, or none when it does not fire. */
    void apply(Rule rule, Evaluation ev);

    /** Whether the check runs after every other rule. */
    default boolean late() {
        return false;
    }

    /** The check of every kind; a kind without one would fail here at class load rather than later. */
    static Map<RuleKind, RuleCheck> all() {
        Map<RuleKind, RuleCheck> checks = new EnumMap<>(RuleKind.class);
        checks.put(RuleKind.PHRASE, new TextChecks.Phrase());
        checks.put(RuleKind.PATTERN, new TextChecks.PatternCheck());
        checks.put(RuleKind.AWARENESS, new TextChecks.Awareness());
        checks.put(RuleKind.DOMAIN_BLOCK, new DomainChecks.Block());
        checks.put(RuleKind.DOMAIN_ALLOW, (rule, ev) -> { });
        checks.put(RuleKind.SPELLED_DOMAIN, new DomainChecks.Spelled());
        checks.put(RuleKind.LINKS, new DomainChecks.Links());
        checks.put(RuleKind.HIDDEN_LINK, new DomainChecks.HiddenLink());
        checks.put(RuleKind.REPEAT, new HistoryChecks.Repeat());
        checks.put(RuleKind.HONEYPOT, new FormChecks.Honeypot());
        checks.put(RuleKind.FILL_TIME, new FormChecks.FillTime());
        checks.put(RuleKind.MARKED_IP, new HistoryChecks.MarkedIp());
        checks.put(RuleKind.MARKED_EMAIL, new HistoryChecks.MarkedEmail());
        checks.put(RuleKind.MARKED_HOST, new HistoryChecks.MarkedHost());
        checks.put(RuleKind.MARKED_FINGERPRINT, new HistoryChecks.MarkedFingerprint());
        checks.put(RuleKind.CAMPAIGN, new HistoryChecks.Campaign());
        checks.put(RuleKind.TOO_LARGE, new FormChecks.TooLarge());
        checks.put(RuleKind.BAD_ENCODING, new FormChecks.BadEncoding());
        for (RuleKind kind : RuleKind.values()) {
            if (!checks.containsKey(kind)) {
                throw new IllegalStateException("no check for rule kind " + kind.key());
            }
        }
        return checks;
    }

    /** A rule parameter as a number. */
    static double param(Rule rule, String key, double defaultValue) {
        String value = rule.params().get(key);
        return value == null ? defaultValue : Double.parseDouble(value);
    }
}
