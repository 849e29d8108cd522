package vn.schoolguard.internal.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the rule checks of one score look at, built once: the text views, links and hosts, the phrase
 * hits of the one automaton scan, and the reasons found so far. Not thread-safe: one per score.
 */
final class Evaluation {

    /** Texts shorter than this (folded letters and digits) are too common to count as repeats ("cảm ơn thầy"). */
    static final int MIN_REPEAT_LENGTH = 20;

    final SpamSettings settings;
    final SpamMemory memory;
    final ScoringInput input;
    /** The analysed text (all fields, cut to the analysed length). */
    final String raw;
    /** The length of all fields before cutting. */
    final int length;
    final int sizeLimit;
    final Budget budget;
    final HtmlSignals html;
    final Analysis text;
    final Set<String> hosts;
    final Set<String> allowedHosts;
    final String fingerprint;
    final boolean longEnough;
    final BitSet phrases;
    final PhraseIndex index;
    private final Map<String, RuleKind> kinds;
    private final List<Rule> rules;
    final List<Reason> reasons = new ArrayList<>();
    /** Weights of phrase and pattern rules, which awareness wording may offset. */
    final Map<Rule, Double> textual = new LinkedHashMap<>();
    /** Phrase and pattern weight that awareness wording may still offset; computed by the first awareness rule. */
    double offsettable = Double.NaN;
    /** Matched entries per rule id (phrases, patterns, domains), for the model's features. */
    final Map<String, Set<String>> matches = new LinkedHashMap<>();

    /** The evaluation of the shorter tail read just before this one (null: none), whose signature this one extends. */
    private final Evaluation shorter;
    /** The campaign signature, once {@link #signature} worked it out. */
    private int[] signature;
    private boolean signed;

    /**
     * {@code fingerprint} is {@link SpamScorer#fingerprint(ScoringInput)} of {@code input}, worked out once per score;
     * {@code shorter} the evaluation of the tail of {@code raw} read before it, or null.
     */
    Evaluation(Scoring scoring, ScoringInput input, String fingerprint, String raw, int length, Budget budget, Evaluation shorter) {
        this.shorter = shorter;
        this.settings = scoring.settings();
        this.memory = scoring.memory();
        this.index = scoring.index();
        this.sizeLimit = scoring.sizeLimit();
        this.kinds = scoring.kinds();
        this.rules = scoring.rules();
        this.input = input;
        this.raw = raw;
        this.length = length;
        this.budget = budget;
        this.html = HtmlSignals.of(raw, budget);
        budget.check();
        this.text = Analysis.of(raw, budget);
        budget.check();
        this.hosts = Hosts.of(html, text, input);
        this.fingerprint = fingerprint;
        this.longEnough = text.compact.length() >= MIN_REPEAT_LENGTH;
        this.allowedHosts = allowed(scoring.rules(), hosts, budget);
        this.phrases = index.scan(text, budget);
    }

    /** What a scorer shares with each of its evaluations. */
    record Scoring(SpamSettings settings, SpamMemory memory, List<Rule> rules, PhraseIndex index, int sizeLimit,
                   Map<String, RuleKind> kinds) {
    }

    /**
     * The {@link MinHash} signature of the run-together view (null: too short), worked out once. When the view ends
     * with the shorter tail's, whose signature is known, only the shingles before it are hashed.
     */
    int[] signature() {
        if (!signed) {
            signed = true;
            byte[] compact = text.views.compactBytes;
            int length = text.compact.length();
            int[] suffix = shorter == null ? null : shorter.signature;
            int suffixLength = shorter == null ? 0 : shorter.text.compact.length();
            signature = suffix != null && suffixLength <= length
                    && Arrays.equals(compact, length - suffixLength, length, shorter.text.views.compactBytes, 0, suffixLength)
                    ? MinHash.signature(compact, length, suffix, suffixLength) : MinHash.signature(compact, length);
        }
        return signature;
    }

    /** The kind of a rule of the pack by id, null for other reasons. */
    RuleKind kindOf(String ruleId) {
        return kinds.get(ruleId);
    }

    private static Set<String> allowed(List<Rule> rules, Set<String> hosts, Budget budget) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.kind() == RuleKind.DOMAIN_ALLOW) {
                for (String host : hosts) {
                    if (Hosts.matches(rule, host, budget)) {
                        allowed.add(host);
                    }
                }
            }
        }
        return allowed;
    }

    /** Adds a reason (weight 0 and marked when the rule is log-only). */
    void add(Rule rule, String detail, double weight) {
        if (rule.logOnly() || settings.logOnly().contains(rule.id())) {
            reasons.add(new Reason(rule.id(), SpamTexts.logOnly(detail, weight), 0));
        } else {
            reasons.add(new Reason(rule.id(), detail, weight));
        }
    }

    /** Adds a reason for entries that matched, weight per entry up to the cap; returns the weight. */
    double addMatched(Rule rule, Set<String> matched) {
        double weight = Math.min(rule.cap(), rule.weight() * matched.size());
        add(rule, SpamTexts.matched(rule.label(), matched), weight);
        matches.put(rule.id(), matched);
        return weight;
    }

    /** Whether a host (folded, without "www.") is under an allowed domain. */
    boolean allowed(String host) {
        for (Rule rule : rules) {
            if (rule.kind() == RuleKind.DOMAIN_ALLOW && Hosts.matches(rule, host, budget)) {
                return true;
            }
        }
        return false;
    }

    /** Links minus those to allowed hosts. */
    int linksNotAllowed() {
        int allowedLinks = 0;
        for (String host : html.hosts()) {
            if (allowedHosts.contains(host)) {
                allowedLinks++;
            }
        }
        return html.linkCount() - allowedLinks;
    }

    /** Whether a rule's weight counts (not log-only by pack or setting). */
    boolean counts(Rule rule) {
        return !rule.logOnly() && !settings.logOnly().contains(rule.id());
    }
}
