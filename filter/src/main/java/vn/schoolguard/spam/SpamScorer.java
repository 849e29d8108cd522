package vn.schoolguard.spam;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.hash.Sha256;

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
    /** Texts shorter than this (folded letters and digits) are too common to count as repeats ("cảm ơn thầy"). */
    private static final int MIN_REPEAT_LENGTH = 20;
    private static final int DEFAULT_SIZE_LIMIT = 100_000;
    private static final Pattern TAG = Pattern.compile("<[^<>]{0,2000}>");

    private final SpamSettings settings;
    private final SpamMemory memory;
    private final RulePack pack;
    private final int sizeLimit;

    private SpamScorer(SpamSettings settings, SpamMemory memory, RulePack pack) {
        this.settings = settings;
        this.memory = memory;
        this.pack = pack;
        this.sizeLimit = pack.rules().stream().filter(rule -> rule.kind() == RuleKind.TOO_LARGE && !rule.off())
                .map(rule -> (int) Double.parseDouble(rule.params().getOrDefault("limit", "" + DEFAULT_SIZE_LIMIT)))
                .findFirst().orElse(DEFAULT_SIZE_LIMIT);
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
            return new SpamScorer(settings, memory, RulePack.load(settings.rulesFile()));
        } catch (RulePack.RulePackException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The patterns used here, by name, for the bounded-time tests. */
    static Map<String, Pattern> patterns() {
        return Map.of("TAG", TAG);
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
        String stripped = TAG.matcher(text).replaceAll(" ");
        String compact = fingerprintForm(stripped);
        return "fp1:" + Sha256.hex(compact).substring(0, 32);
    }

    /** The fingerprint of all of a submission's field values, in field-name order. */
    public static String fingerprint(ScoringInput input) {
        return fingerprint(String.join("\n", input.sortedText().values()));
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
        return hosts(HtmlSignals.of(raw, Budget.UNLIMITED), Analysis.of(raw, Budget.UNLIMITED), input);
    }

    /**
     * Scores one submission. Never throws for any text; bounded time for any size: at most
     * {@code spam.max-analysed-chars} characters are analysed, and when {@code spam.time-budget} runs out the
     * work stops and the submission is held as {@link Verdict#SUSPECT} with an {@value #INCOMPLETE_RULE}
     * reason ("not fully analysed"), never filed as spam and never clean. A longer text than analysed is at
     * least suspect for the same reason. (A score cut short by time is therefore not reproducible.)
     */
    public SpamScore score(ScoringInput input) {
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
        List<Reason> reasons = new ArrayList<>();
        try {
            evaluate(input, raw, length, budget, reasons);
        } catch (Budget.Exhausted e) {
            reasons.add(new Reason(INCOMPLETE_RULE, SpamTexts.notFullyAnalysedInTime(settings.timeBudget()), 0));
            return new SpamScore(Verdict.SUSPECT, total(reasons), reasons);
        }
        double score = total(reasons);
        Verdict verdict = score >= settings.spamThreshold() ? Verdict.SPAM
                : score >= settings.suspectThreshold() ? Verdict.SUSPECT : Verdict.CLEAN;
        if (length > analysed) {
            reasons.add(new Reason(INCOMPLETE_RULE, SpamTexts.notFullyAnalysedLength(analysed, length), 0));
            verdict = verdict == Verdict.CLEAN ? Verdict.SUSPECT : verdict;
        }
        return new SpamScore(verdict, score, reasons);
    }

    private static double total(List<Reason> reasons) {
        double score = 0;
        for (Reason reason : reasons) {
            score += reason.weight();
        }
        return Math.max(0, Math.round(score * 100) / 100.0);
    }

    /** Runs every rule over the (already cut) text, adding reasons as it goes; throws when the budget runs out. */
    private void evaluate(ScoringInput input, String raw, int length, Budget budget, List<Reason> reasons) {
        HtmlSignals html = HtmlSignals.of(raw, budget);
        budget.check();
        Analysis text = Analysis.of(raw, budget);
        budget.check();
        Set<String> hosts = hosts(html, text, input);
        Set<String> allowedHosts = new LinkedHashSet<>();
        Map<Rule, Double> textual = new LinkedHashMap<>();
        String fingerprint = fingerprint(input);
        budget.check();
        boolean longEnough = text.compact.length() >= MIN_REPEAT_LENGTH;
        for (Rule rule : pack.rules()) {
            if (rule.kind() == RuleKind.DOMAIN_ALLOW) {
                for (String host : hosts) {
                    if (matchesDomain(rule, host, budget)) {
                        allowedHosts.add(host);
                    }
                }
            }
        }
        for (Rule rule : pack.rules()) {
            if (rule.off()) {
                continue;
            }
            budget.check();
            switch (rule.kind()) {
                case PHRASE -> {
                    Set<String> matched = new LinkedHashSet<>();
                    for (Rule.Entry entry : rule.entries()) {
                        budget.check();
                        if (text.contains(entry)) {
                            matched.add(entry.source());
                        }
                    }
                    if (!matched.isEmpty()) {
                        double weight = Math.min(rule.cap(), rule.weight() * matched.size());
                        add(reasons, rule, SpamTexts.matched(rule.label(), matched), weight);
                        textual.put(rule, weight);
                    }
                }
                case PATTERN -> {
                    Set<String> matched = new LinkedHashSet<>();
                    for (Rule.Entry entry : rule.entries()) {
                        // The joined view holds every word of the word view, so one pass is enough.
                        Matcher m = entry.pattern().matcher(budget.guard(text.joined));
                        if (m.find()) {
                            matched.add(m.group().trim());
                        }
                    }
                    if (!matched.isEmpty()) {
                        double weight = Math.min(rule.cap(), rule.weight() * matched.size());
                        add(reasons, rule, SpamTexts.matched(rule.label(), matched), weight);
                        textual.put(rule, weight);
                    }
                }
                case AWARENESS -> { }
                case DOMAIN_BLOCK -> {
                    Set<String> matched = new LinkedHashSet<>();
                    for (String host : hosts) {
                        if (!allowedHosts.contains(host) && matchesDomain(rule, host, budget)) {
                            matched.add(host);
                        }
                    }
                    if (!matched.isEmpty()) {
                        add(reasons, rule, SpamTexts.matched(rule.label(), matched), Math.min(rule.cap(), rule.weight() * matched.size()));
                    }
                }
                case DOMAIN_ALLOW -> { }
                case SPELLED_DOMAIN -> {
                    Set<String> matched = new LinkedHashSet<>(text.spelledDomains);
                    matched.removeAll(allowedHosts);
                    if (!matched.isEmpty()) {
                        add(reasons, rule, SpamTexts.matched(rule.label(), matched), Math.min(rule.cap(), rule.weight() * matched.size()));
                    }
                }
                case LINKS -> {
                    int threshold = (int) param(rule, "threshold", 3);
                    int allowedLinks = 0;
                    for (String host : html.hosts()) {
                        if (allowedHosts.contains(host)) {
                            allowedLinks++;
                        }
                    }
                    int links = html.linkCount() - allowedLinks;
                    if (links >= threshold) {
                        add(reasons, rule, SpamTexts.links(rule.label(), links, threshold), rule.weight());
                    }
                }
                case HIDDEN_LINK -> {
                    if (html.hiddenLinks() > 0) {
                        add(reasons, rule, SpamTexts.hiddenLinks(rule.label(), html.hiddenLinks()), rule.weight());
                    }
                }
                case REPEAT -> {
                    int threshold = (int) param(rule, "threshold", 2);
                    Duration window = SpamSettings.duration(rule.params().getOrDefault("window", "24h"));
                    if (longEnough) {
                        int count = memory.countSameFingerprint(fingerprint, input.receivedAt().minus(window), input.receivedAt());
                        if (count >= threshold) {
                            add(reasons, rule, SpamTexts.repeated(rule.label(), count, window), rule.weight());
                        }
                    }
                }
                case HONEYPOT -> {
                    String field = settings.honeypotField();
                    if (!field.isEmpty() && !input.text().getOrDefault(field, "").isBlank()) {
                        add(reasons, rule, SpamTexts.honeypot(rule.label(), field), rule.weight());
                    }
                }
                case FILL_TIME -> {
                    Duration minimum = settings.minFillTime();
                    if (input.fillTime().isPresent() && !minimum.isZero() && input.fillTime().get().compareTo(minimum) < 0) {
                        add(reasons, rule, SpamTexts.tooFast(rule.label(), input.fillTime().get(), minimum), rule.weight());
                    }
                }
                case MARKED_IP -> {
                    if (!input.clientIp().isBlank() && memory.markedSpamIp(input.clientIp())) {
                        add(reasons, rule, SpamTexts.marked(rule.label(), input.clientIp()), rule.weight());
                    }
                }
                case MARKED_EMAIL -> {
                    String email = input.email().trim().toLowerCase(Locale.ROOT);
                    if (!email.isEmpty() && memory.markedSpamEmail(email)) {
                        add(reasons, rule, SpamTexts.marked(rule.label(), email), rule.weight());
                    }
                }
                case MARKED_HOST -> {
                    Set<String> asked = new LinkedHashSet<>(hosts);
                    asked.removeAll(allowedHosts);
                    Set<String> marked = asked.isEmpty() ? Set.of() : memory.markedSpamHosts(asked);
                    if (!marked.isEmpty()) {
                        add(reasons, rule, SpamTexts.matched(rule.label(), marked), rule.weight());
                    }
                }
                case MARKED_FINGERPRINT -> {
                    if (longEnough && memory.markedSpamFingerprint(fingerprint)) {
                        add(reasons, rule, SpamTexts.marked(rule.label(), fingerprint), rule.weight());
                    }
                }
                case TOO_LARGE -> {
                    if (length > sizeLimit) {
                        add(reasons, rule, SpamTexts.tooLarge(rule.label(), length, sizeLimit), rule.weight());
                    }
                }
                case BAD_ENCODING -> {
                    int bad = TextNormalizer.badCharacters(raw);
                    if (bad > 0) {
                        add(reasons, rule, SpamTexts.badEncoding(rule.label(), bad), rule.weight());
                    }
                }
            }
        }
        applyAwareness(text, textual, reasons, budget);
    }

    /** Anti-gambling announcements use the same words as ads: their phrases offset phrase weight, never links or domains. */
    private void applyAwareness(Analysis text, Map<Rule, Double> textual, List<Reason> reasons, Budget budget) {
        double textualWeight = 0;
        for (Map.Entry<Rule, Double> entry : textual.entrySet()) {
            if (!entry.getKey().logOnly() && !settings.logOnly().contains(entry.getKey().id())) {
                textualWeight += entry.getValue();
            }
        }
        for (Rule rule : pack.rules()) {
            if (rule.kind() != RuleKind.AWARENESS || rule.off() || textualWeight <= 0) {
                continue;
            }
            Set<String> matched = new LinkedHashSet<>();
            for (Rule.Entry entry : rule.entries()) {
                budget.check();
                if (text.contains(entry)) {
                    matched.add(entry.source());
                }
            }
            if (!matched.isEmpty()) {
                double offset = Math.min(Math.min(Math.abs(rule.cap()), Math.abs(rule.weight()) * matched.size()), textualWeight);
                add(reasons, rule, SpamTexts.awareness(rule.label(), matched, offset), -offset);
                textualWeight -= offset;
            }
        }
    }

    private void add(List<Reason> reasons, Rule rule, String detail, double weight) {
        if (rule.logOnly() || settings.logOnly().contains(rule.id())) {
            reasons.add(new Reason(rule.id(), SpamTexts.logOnly(detail, weight), 0));
        } else {
            reasons.add(new Reason(rule.id(), detail, weight));
        }
    }

    private static double param(Rule rule, String key, double defaultValue) {
        String value = rule.params().get(key);
        return value == null ? defaultValue : Double.parseDouble(value);
    }

    private static boolean matchesDomain(Rule rule, String host, Budget budget) {
        if (host.length() > MAX_HOST_LENGTH) {
            return false;
        }
        for (Rule.Entry entry : rule.entries()) {
            if (entry.pattern() != null) {
                if (entry.pattern().matcher(budget.guard(host)).matches()) {
                    return true;
                }
            } else if (host.equals(entry.words()) || host.endsWith("." + entry.words())) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> hosts(HtmlSignals html, Analysis text, ScoringInput input) {
        Set<String> hosts = new LinkedHashSet<>();
        for (String host : html.hosts()) {
            addHost(hosts, host);
        }
        for (String host : text.textDomains) {
            addHost(hosts, host);
        }
        int at = input.email().lastIndexOf('@');
        if (at >= 0) {
            addHost(hosts, input.email().substring(at + 1).trim());
        }
        return hosts;
    }

    private static void addHost(Set<String> hosts, String host) {
        // Longer than any DNS name is not a host; folding it would only cost time (the e-mail field is unbounded).
        if (hosts.size() >= MAX_HOSTS || host.length() > MAX_HOST_LENGTH * 2) {
            return;
        }
        String folded = TextNormalizer.compactHost(host);
        if (folded.startsWith("www.")) {
            folded = folded.substring(4);
        }
        if (folded.contains(".") && folded.length() <= MAX_HOST_LENGTH) {
            hosts.add(folded);
        }
    }

    /** All fields in one text; long runs of combining marks are cut first, as regex word boundaries rescan them. */
    private static String joinedRaw(ScoringInput input) {
        StringBuilder raw = new StringBuilder();
        raw.append(input.author()).append('\n');
        for (String value : input.sortedText().values()) {
            raw.append(value).append('\n');
        }
        raw.append(input.url());
        return TextNormalizer.limitMarks(raw.toString());
    }

    private static String fingerprintForm(String text) {
        return TextNormalizer.compact(TextNormalizer.stableFold(text));
    }
}
