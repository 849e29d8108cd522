package vn.schoolguard.internal.spam;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns the model's probability, the promotion targets and the rule evidence into a verdict.
 * {@code spam} only when the model is confident and the text sends its reader somewhere (a link, a domain,
 * a phone number, a chat handle, bank details, a search to run), or when evidence that does not depend on wording (honeypot,
 * link floods, hidden links, moderators' marks, repeats) reaches {@code spam.threshold.spam}. Offer, chat or
 * payment wording, a code to scan and masked numbers are weak targets: in a text that names gambling in plain speech they take the
 * spam threshold; framed by a warning or a question, or without gambling words, the more confident
 * {@link SpamModel#weakTargetThreshold()}, calibrated above the legitimate texts with weak targets only; framed,
 * without gambling words and without a masked number the text is at most {@code suspect}, as schools write that way
 * too. A text that warns or cites the law twice takes the weak-target threshold even with a strong target: it is
 * most often a warning or news that quotes the ad's own link or number. Warnings and discussions without a target,
 * and framed texts that only quote their targets ("có người chat 'ib tele @…'"), are at most {@code suspect}.
 */
final class VerdictPolicy {

    /**
     * Kinds whose weight is evidence about the poster or the markup, not about the wording. Links count: a flood
     * of them is spam whatever words surround it (the shipped link rules reach 9, so links alone never file a text).
     */
    private static final Set<RuleKind> EVIDENCE = Set.of(RuleKind.LINKS, RuleKind.HIDDEN_LINK, RuleKind.REPEAT, RuleKind.HONEYPOT,
            RuleKind.FILL_TIME, RuleKind.MARKED_IP, RuleKind.MARKED_EMAIL, RuleKind.MARKED_HOST,
            RuleKind.MARKED_FINGERPRINT, RuleKind.CAMPAIGN, RuleKind.TOO_LARGE, RuleKind.BAD_ENCODING);
    private static final int TOP_FEATURES = 3;
    /** A probability that holds a text as suspect on the model's word alone. */
    static final double CONFIDENT = 0.5;

    private final SpamSettings settings;
    private final SpamModel model;

    VerdictPolicy(SpamSettings settings, SpamModel model) {
        this.settings = settings;
        this.model = model.withThresholds(settings.model().spamThreshold().orElse(model.spamThreshold()),
                settings.model().suspectThreshold().orElse(model.suspectThreshold()));
    }

    SpamModel model() {
        return model;
    }

    /**
     * The verdict; adds the model's reasons (weight 0) when the text is held or filed and the model flags it. A clean
     * text gets none: the calibrated suspect threshold is low enough for an ordinary thank-you note to reach it, and
     * its "toward spam" words would only puzzle a moderator.
     */
    Verdict decide(SpamScorer.Analysed analysed, double ruleScore, SiteAdjustment site, List<Reason> reasons) {
        double p = model.probability(analysed.features(), site);
        Structure structure = analysed.structure();
        boolean target = structure.hasTarget();
        double evidence = evidence(analysed.evaluation());
        Verdict verdict;
        // The probability first: whether a framed text only quotes its targets is worked out for texts it would file.
        if ((p >= threshold(structure) && structure.fileable()) || evidence >= settings.spamThreshold()) {
            verdict = Verdict.SPAM;
        } else if (modelSuspects(p, target, analysed.evaluation()) || ruleScore >= settings.suspectThreshold()) {
            verdict = Verdict.SUSPECT;
        } else {
            verdict = Verdict.CLEAN;
        }
        if (verdict != Verdict.CLEAN && p >= model.suspectThreshold()) {
            explain(analysed, site, p, target, reasons);
        }
        return verdict;
    }

    /** The probability that files a text with these targets as spam. */
    private double threshold(Structure structure) {
        return structure.promotes() ? model.spamThreshold() : model.weakTargetThreshold();
    }

    /**
     * Below {@value #CONFIDENT} the model holds a text only with something to show the moderator: a promotion
     * target or a rule hit ("Thư viện nhận một lô sách mới" shares letters with "lô đề", nothing else).
     */
    private boolean modelSuspects(double p, boolean target, Evaluation ev) {
        if (p < model.suspectThreshold()) {
            return false;
        }
        return p >= CONFIDENT || target || !ev.matches.isEmpty();
    }

    /** The probability alone (evaluation). */
    double probability(SpamScorer.Analysed analysed, SiteAdjustment site) {
        return model.probability(analysed.features(), site);
    }

    private void explain(SpamScorer.Analysed analysed, SiteAdjustment site, double p, boolean target, List<Reason> reasons) {
        reasons.add(new Reason(SpamScorer.MODEL_RULE_PREFIX + "score", SpamTexts.modelScore(p, model.spamThreshold(),
                model.suspectThreshold(), target ? analysed.structure().targets.toString().toLowerCase(Locale.ROOT) : ""), 0));
        List<String> toSpam = model.top(analysed.features(), site, 1, TOP_FEATURES);
        if (!toSpam.isEmpty()) {
            reasons.add(new Reason(SpamScorer.MODEL_RULE_PREFIX + "toward-spam", String.join(", ", toSpam), 0));
        }
        List<String> toLegit = model.top(analysed.features(), site, -1, TOP_FEATURES);
        if (!toLegit.isEmpty()) {
            reasons.add(new Reason(SpamScorer.MODEL_RULE_PREFIX + "toward-legit", String.join(", ", toLegit), 0));
        }
    }

    private double evidence(Evaluation ev) {
        double sum = 0;
        for (Reason reason : ev.reasons) {
            RuleKind kind = ev.kindOf(reason.rule());
            if (kind != null && EVIDENCE.contains(kind)) {
                sum += reason.weight();
            }
        }
        return sum;
    }
}
