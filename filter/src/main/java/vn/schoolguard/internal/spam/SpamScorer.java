package vn.schoolguard.internal.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import vn.schoolguard.internal.hash.Sha256;

/**
 * Scores submissions for gambling spam with the shipped rule pack, a site rule file and a
 * {@link SpamMemory} of earlier decisions.
 *
 * <p>A score is a pure function of the rules, the {@link ScoringInput} and the memory's answers, so
 * approved content can be re-scored when the rules change. Every rule that fires becomes a
 * {@link Reason} naming the rule and what matched; the sum of weights decides the {@link Verdict}
 * against {@code spam.threshold.spam} and {@code spam.threshold.suspect}.
 *
 * <p>Thread-safe: create one scorer at startup (rules are compiled once) and share it.
 * <pre>{@code
 * SpamScorer scorer = SpamScorer.create(config.spam(), memory);
 * SpamScore score = scorer.score(new ScoringInput("comments", fields, author, email, url, ip, clock.instant(), fillTime));
 * }</pre>
 */
public final class SpamScorer {

    /** The most hosts taken from one submission (and asked of the memory at once). */
    public static final int MAX_HOSTS = 50;
    /** The longest host name there can be (DNS); longer "hosts" are not matched against domain rules. */
    static final int MAX_HOST_LENGTH = 253;
    /** The rule id of the reason given when a submission was not fully analysed (time budget or length). */
    public static final String INCOMPLETE_RULE = "analysis.incomplete";
    /** The prefix of the reasons that name what the model weighed (not rules of the pack). */
    public static final String MODEL_RULE_PREFIX = "model.";
    private static final Map<RuleKind, RuleCheck> CHECKS = RuleCheck.all();
    private static final int DEFAULT_SIZE_LIMIT = 100_000;

    private final SpamSettings settings;
    private final RulePack pack;
    private final int sizeLimit;
    private final Evaluation.Scoring scoring;
    private final VerdictPolicy policy;
    /** This site's learning from moderators' decisions, or null (global model only). */
    private final SiteLearner site;
    private final Map<String, RuleKind> kinds;

    private SpamScorer(SpamScorer base, SiteLearningStore store) {
        if (base.site != null) {
            throw new IllegalStateException("this scorer already learns from its site");
        }
        this.settings = base.settings;
        this.pack = base.pack;
        this.sizeLimit = base.sizeLimit;
        this.scoring = base.scoring;
        this.policy = base.policy;
        this.kinds = base.kinds;
        this.site = new SiteLearner(base, store, settings.model().siteLearning(), settings.model().minDecisions());
    }

    private SpamScorer(SpamSettings settings, SpamMemory memory, RulePack pack, SpamModel model) {
        this.site = null;
        this.settings = settings;
        this.policy = new VerdictPolicy(settings, model);
        Map<String, RuleKind> byId = new java.util.HashMap<>();
        for (Rule rule : pack.rules()) {
            byId.put(rule.id(), rule.kind());
        }
        this.kinds = Map.copyOf(byId);
        this.pack = pack;
        this.sizeLimit = pack.rules().stream().filter(rule -> rule.kind() == RuleKind.TOO_LARGE && !rule.off())
                .map(rule -> (int) Double.parseDouble(rule.params().getOrDefault("limit", "" + DEFAULT_SIZE_LIMIT)))
                .findFirst().orElse(DEFAULT_SIZE_LIMIT);
        this.scoring = new Evaluation.Scoring(settings, memory, pack.rules(), new PhraseIndex(pack.rules()), sizeLimit, kinds);
    }

    /** A scorer without history: repeat and moderator-marked rules never fire. */
    public static SpamScorer create(SpamSettings settings) {
        return create(settings, SpamMemory.NONE);
    }

    /**
     * A scorer with the shipped rule pack, extended by {@code spam.rules-file} when set.
     *
     * @throws IllegalArgumentException when the site rule file cannot be read or parsed (the message names file and line)
     */
    public static SpamScorer create(SpamSettings settings, SpamMemory memory) {
        try {
            return new SpamScorer(settings, memory, RulePack.shared(settings.rulesFile()), SpamModel.shared());
        } catch (RulePack.RulePackException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A scorer with another model (training, evaluation, tests). */
    static SpamScorer create(SpamSettings settings, SpamMemory memory, SpamModel model) {
        try {
            return new SpamScorer(settings, memory, RulePack.load(settings.rulesFile()), model);
        } catch (RulePack.RulePackException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The patterns used here, by name, for the bounded-time tests: none (tags are taken out by {@link Tags}). */
    static Map<String, Pattern> patterns() {
        return Map.of();
    }

    /** The rule pack version(s) in use, stored with scores so re-checks can tell which rules gave them. */
    public String rulesVersion() {
        return pack.version();
    }

    /**
     * A stable fingerprint of a text for finding repeats: {@code fp1:} and the first 32 hex digits of
     * SHA-256 over its letters and digits after folding (tags removed, NFKC, lower case, marks and đ folded).
     * Unchanged across releases; a new algorithm would use a new prefix.
     */
    public static String fingerprint(String text) {
        // Tags out, folded and cut to letters and digits in one pass; the bytes are ASCII, as UTF-8 would be.
        byte[] compact = StableCompact.of(text, true);
        return "fp1:" + Sha256.toHex(Arrays.copyOf(Sha256.digest(compact), 16));
    }

    /** The fingerprint of all of a submission's field values, in field-name order. */
    public static String fingerprint(ScoringInput input) {
        // One field (the usual comment form) needs no joining.
        return fingerprint(input.text().size() == 1 ? input.text().values().iterator().next()
                : String.join("\n", input.sortedText().values()));
    }

    /** Mark kind of a near-duplicate signature. */
    public static final String MINHASH_MARK = "minhash";
    /** Mark kind of a signature's band keys. */
    public static final String BAND_MARK = "band";

    /**
     * What to remember of a submission a moderator marks as spam so that its campaign's variants are caught:
     * kind {@value #MINHASH_MARK} (one signature, 256 hex digits) and kind {@value #BAND_MARK} (its band keys),
     * both empty for a text too short to be a campaign.
     */
    public static Map<String, Set<String>> campaignMarks(ScoringInput input) {
        String raw = joinedRaw(input);
        String visible = Analysis.visibleText(raw.length() > DEFAULT_SIZE_LIMIT ? raw.substring(0, DEFAULT_SIZE_LIMIT) : raw,
                Budget.UNLIMITED);
        int[] signature = MinHash.signature(TextNormalizer.compact(TextNormalizer.fold(visible)));
        if (signature == null) {
            return Map.of(MINHASH_MARK, Set.of(), BAND_MARK, Set.of());
        }
        return Map.of(MINHASH_MARK, Set.of(MinHash.encode(signature)), BAND_MARK, MinHash.bands(signature));
    }

    /**
     * The hosts a submission links to or names (lower case, at most {@link #MAX_HOSTS}): link targets,
     * domains spelled out in the text, the URL field and the e-mail domain. Stored with a submission a
     * moderator marks as spam, and asked of {@link SpamMemory#markedSpamHosts}.
     */
    public static Set<String> hosts(ScoringInput input) {
        String raw = joinedRaw(input);
        if (raw.length() > DEFAULT_SIZE_LIMIT) {
            raw = raw.substring(0, DEFAULT_SIZE_LIMIT);
        }
        return Hosts.of(HtmlSignals.of(raw, Budget.UNLIMITED), Analysis.of(raw, Budget.UNLIMITED), input);
    }

    /**
     * Scores one submission. Never throws for any text; bounded time for any size: at most
     * {@code spam.max-analysed-chars} characters are analysed, and when {@code spam.time-budget} runs out the
     * work stops and the submission is held as {@link Verdict#SUSPECT} with an {@value #INCOMPLETE_RULE}
     * reason ("not fully analysed"), never filed as spam and never clean. A longer text than analysed is at
     * least suspect for the same reason. (A score cut short by time is therefore not reproducible.)
     */
    public SpamScore score(ScoringInput input) {
        return site != null ? site.score(input) : score(input, SiteAdjustment.NONE);
    }

    /**
     * This scorer learning from a site's moderators ({@code spam.site-learning}: {@code off}, {@code shadow} or
     * {@code on}), its state kept in {@code store}; {@link #learn} feeds it.
     */
    public SpamScorer withSiteLearning(SiteLearningStore store) {
        return new SpamScorer(this, store);
    }

    /** Learns a moderator's decision (approve = legitimate, spam = spam); a no-op without site learning or when off. */
    public void learn(long submissionId, ScoringInput input, boolean spam) {
        if (site != null && site.mode() != SiteLearner.Mode.OFF) {
            site.learn(submissionId, input, spam);
        }
    }

    /** Scores with a site's adjustment of the model's weights (per-site learning). */
    public SpamScore score(ScoringInput input, SiteAdjustment site) {
        // Security-critical: anonymous posters choose this text; everything below must stay within the budget.
        Budget budget = Budget.of(settings.timeBudget());
        String raw = joinedRaw(input);
        int length = raw.length();
        int analysed = Math.min(sizeLimit, settings.maxAnalysedChars());
        if (length > analysed) {
            // Do not split a surrogate pair, which would report a bad character that was not sent.
            analysed -= Character.isHighSurrogate(raw.charAt(analysed - 1)) ? 1 : 0;
            raw = raw.substring(0, analysed);
        }
        Analysed result;
        try {
            result = analyse(input, fingerprint(input), raw, length, budget);
        } catch (Budget.Exhausted e) {
            List<Reason> reasons = List.of(new Reason(INCOMPLETE_RULE, SpamTexts.notFullyAnalysedInTime(settings.timeBudget()), 0));
            return new SpamScore(Verdict.SUSPECT, total(reasons), reasons);
        }
        List<Reason> reasons = result.evaluation().reasons;
        double score = total(reasons);
        Verdict verdict = policy.decide(result, score, site, reasons);
        if (verdict != Verdict.SPAM && result.structure().namesGambling && !result.structure().cautions()) {
            try {
                SpamScore tail = readTails(input, result.evaluation().fingerprint, raw, site, budget);
                if (tail != null) {
                    verdict = tail.verdict();
                    score = tail.score();
                    // A score's reasons are read-only; more may follow (a text cut at the analysis limit).
                    reasons = new ArrayList<>(tail.reasons());
                }
            } catch (Budget.Exhausted e) {
                // The whole text was read; its verdict stands, and is at least suspect for what was not.
                reasons.add(new Reason(INCOMPLETE_RULE, SpamTexts.notFullyAnalysedInTime(settings.timeBudget()), 0));
                verdict = verdict == Verdict.CLEAN ? Verdict.SUSPECT : verdict;
            }
        }
        if (length > analysed) {
            reasons.add(new Reason(INCOMPLETE_RULE, SpamTexts.notFullyAnalysedLength(analysed, length), 0));
            verdict = verdict == Verdict.CLEAN ? Verdict.SUSPECT : verdict;
        }
        return new SpamScore(verdict, score, reasons);
    }

    /**
     * The verdict on an ad posted after an ordinary comment (a text that names gambling, not a warning or news:
     * {@link Structure#cautions()}): the tails {@link #eachPlainTail} reads, shortest first; spam when one that names
     * gambling in plain speech, not only inside quotation marks, is spam alone; null when none is.
     */
    private SpamScore readTails(ScoringInput input, String fingerprint, String raw, SiteAdjustment site, Budget budget) {
        SpamScore[] spam = new SpamScore[1];
        eachPlainTail(input, fingerprint, raw, budget, (start, read) -> {
            List<Reason> reasons = read.evaluation().reasons;
            double score = total(reasons);
            // Asked last, as it analyses the tail once more: a tail that names gambling only in quotations lists what
            // ads say, as a warning does.
            if (policy.decide(read, score, site, reasons) == Verdict.SPAM && !QuotedTargets.onlyQuotesGambling(read.evaluation())) {
                reasons.add(new Reason(MODEL_RULE_PREFIX + "tail", SpamTexts.tailRead(start, raw.length()), 0));
                spam[0] = new SpamScore(Verdict.SPAM, score, reasons);
                return true;
            }
            return false;
        });
        return spam[0];
    }

    /**
     * The tails of a submission the verdict policy reads alone when the whole text is not spam, each as the model
     * sees it: what the spam thresholds must stay above for legitimate texts as much as the whole texts
     * ({@link SpamTraining}). None for a text that does not name gambling or that cautions. {@code whole} is
     * {@link #analyse(ScoringInput)} of the same input.
     */
    List<Analysed> tailsReadAlone(ScoringInput input, Analysed whole) {
        if (!whole.structure().namesGambling || whole.structure().cautions()) {
            return List.of();
        }
        String raw = joinedRaw(input);
        raw = raw.substring(0, Math.min(raw.length(), Math.min(sizeLimit, settings.maxAnalysedChars())));
        List<Analysed> tails = new ArrayList<>();
        eachPlainTail(input, whole.evaluation().fingerprint, raw, Budget.UNLIMITED, (start, read) -> {
            if (!QuotedTargets.onlyQuotesGambling(read.evaluation())) {
                tails.add(read);
            }
            return false;
        });
        return tails;
    }

    /**
     * The text's last sentences read alone ({@link Tails}, shortest first), each that names gambling in plain speech
     * given to {@code visitor} until it answers true; stops at the first tail framed by warning, legal, question or
     * report wording (every longer one holds it too).
     */
    private void eachPlainTail(ScoringInput input, String fingerprint, String raw, Budget budget, TailVisitor visitor) {
        Evaluation shorter = null;
        for (int start : Tails.starts(raw)) {
            String tail = raw.substring(start);
            Evaluation ev = evaluate(input, fingerprint, tail, tail.length(), budget, shorter);
            shorter = ev;
            Structure structure = Structure.of(ev);
            if (structure.framed) {
                return;
            }
            if (!structure.plainGambling()) {
                // Not spam alone: the model's features of this tail are not needed.
                continue;
            }
            if (visitor.visit(start, new Analysed(ev, structure, Features.of(ev, structure, kinds, total(ev.reasons))))) {
                return;
            }
        }
    }

    /** One tail read alone, from {@code start} of the text; true to read no more. */
    private interface TailVisitor {
        boolean visit(int start, Analysed read);
    }

    /** Rules, structure and features of one submission, without a verdict (for training and evaluation). */
    Analysed analyse(ScoringInput input) {
        String raw = joinedRaw(input);
        int analysed = Math.min(raw.length(), Math.min(sizeLimit, settings.maxAnalysedChars()));
        return analyse(input, fingerprint(input), raw.substring(0, analysed), raw.length(), Budget.UNLIMITED);
    }

    private Analysed analyse(ScoringInput input, String fingerprint, String raw, int length, Budget budget) {
        Evaluation ev = evaluate(input, fingerprint, raw, length, budget, null);
        Structure structure = Structure.of(ev);
        return new Analysed(ev, structure, Features.of(ev, structure, kinds, total(ev.reasons)));
    }

    /** One submission as the model sees it. */
    record Analysed(Evaluation evaluation, Structure structure, FeatureVector features) {
    }

    /** The model in use (the shipped one unless the scorer was made with another). */
    SpamModel model() {
        return policy.model();
    }

    private static double total(List<Reason> reasons) {
        double score = 0;
        for (Reason reason : reasons) {
            score += reason.weight();
        }
        return Math.max(0, Math.round(score * 100) / 100.0);
    }

    /**
     * The rules on {@code raw} (the submission's text or a tail of it), in pack order, late ones last; throws when
     * the budget runs out. {@code fingerprint} is the whole submission's; {@code shorter} the tail read before, or null.
     */
    private Evaluation evaluate(ScoringInput input, String fingerprint, String raw, int length, Budget budget, Evaluation shorter) {
        Evaluation ev = new Evaluation(scoring, input, fingerprint, raw, length, budget, shorter);
        for (boolean late : new boolean[] {false, true}) {
            for (Rule rule : pack.rules()) {
                RuleCheck check = CHECKS.get(rule.kind());
                if (!rule.off() && check.late() == late) {
                    budget.check();
                    check.apply(rule, ev);
                }
            }
        }
        return ev;
    }

    /** All fields in one text; long runs of combining marks are cut first, as regex word boundaries rescan them. */
    private static String joinedRaw(ScoringInput input) {
        // Sized up front: growing the builder copied a long text several times.
        long length = input.author().length() + (long) input.url().length() + 1;
        for (String value : input.text().values()) {
            length += value.length() + 1;
        }
        StringBuilder raw = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE / 2));
        raw.append(input.author()).append('\n');
        // One field (the usual comment form) needs no sorting.
        for (String value : input.text().size() == 1 ? input.text().values() : input.sortedText().values()) {
            raw.append(value).append('\n');
        }
        raw.append(input.url());
        return TextNormalizer.limitMarks(raw.toString());
    }
}
