package vn.schoolguard.internal.spam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Spam scoring settings.
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code spam.threshold.spam}</td><td>10</td><td>a score at or above this files the submission as spam</td></tr>
 * <tr><td>{@code spam.threshold.suspect}</td><td>4</td><td>a score at or above this flags it for the moderator</td></tr>
 * <tr><td>{@code spam.rules-file}</td><td>none</td><td>a site rule file that extends the shipped rule pack</td></tr>
 * <tr><td>{@code spam.log-only}</td><td>none</td><td>rule ids (comma-separated) reported with weight 0</td></tr>
 * <tr><td>{@code spam.honeypot-field}</td><td>none</td><td>a form field people never fill in</td></tr>
 * <tr><td>{@code spam.min-fill-time}</td><td>3s</td><td>a form sent sooner after rendering is suspicious</td></tr>
 * <tr><td>{@code spam.max-analysed-chars}</td><td>100000</td><td>the most characters (all fields) analysed; a longer
 *     submission is held as suspect, "not fully analysed"</td></tr>
 * <tr><td>{@code spam.time-budget}</td><td>200ms</td><td>the most time one score may take; when it runs out the
 *     submission is held as suspect, "not fully analysed" (never filed as spam, never clean)</td></tr>
 * <tr><td>{@code spam.model.spam-threshold}</td><td>calibrated</td><td>model probability at or above which a text
 *     with a promotion target is filed as spam</td></tr>
 * <tr><td>{@code spam.model.suspect-threshold}</td><td>calibrated</td><td>model probability at or above which a text
 *     is held as suspect</td></tr>
 * <tr><td>{@code spam.site-learning}</td><td>shadow</td><td>{@code off}, {@code shadow} (record what the site's learned
 *     model would decide) or {@code on} (use it)</td></tr>
 * <tr><td>{@code spam.site-learning.min-decisions}</td><td>20</td><td>decisions of each kind before learning counts</td></tr>
 * </table>
 *
 * @param spamThreshold    a score at or above this files the submission as spam
 * @param suspectThreshold a score at or above this flags it for the moderator
 * @param rulesFile        a site rule file extending the shipped pack
 * @param logOnly          ids of rules that are reported but add nothing
 * @param honeypotField    the honeypot field name, empty when none
 * @param minFillTime      the least time a person takes to fill a form in
 * @param maxAnalysedChars the most characters of a submission that are analysed
 * @param timeBudget       the most time one score may take
 * @param model            the model's settings
 */
public record SpamSettings(double spamThreshold, double suspectThreshold, Optional<Path> rulesFile, Set<String> logOnly,
                           String honeypotField, Duration minFillTime, int maxAnalysedChars, Duration timeBudget,
                           SpamModelSettings model) {

    /** Default of {@code spam.max-analysed-chars}. */
    public static final int DEFAULT_MAX_ANALYSED_CHARS = 100_000;
    /** Default of {@code spam.time-budget}. */
    public static final Duration DEFAULT_TIME_BUDGET = Duration.ofMillis(200);

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    public SpamSettings {
        rulesFile = Objects.requireNonNullElse(rulesFile, Optional.empty());
        logOnly = Set.copyOf(logOnly);
        honeypotField = Objects.requireNonNullElse(honeypotField, "");
        minFillTime = Objects.requireNonNullElse(minFillTime, Duration.ZERO);
        timeBudget = Objects.requireNonNullElse(timeBudget, DEFAULT_TIME_BUDGET);
        model = Objects.requireNonNullElse(model, SpamModelSettings.defaults());
        if (maxAnalysedChars <= 0 || timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("maxAnalysedChars and timeBudget must be positive");
        }
    }

    /** Everything but the model's settings, which take their defaults. */
    public SpamSettings(double spamThreshold, double suspectThreshold, Optional<Path> rulesFile, Set<String> logOnly,
                        String honeypotField, Duration minFillTime, int maxAnalysedChars, Duration timeBudget) {
        this(spamThreshold, suspectThreshold, rulesFile, logOnly, honeypotField, minFillTime, maxAnalysedChars, timeBudget,
                SpamModelSettings.defaults());
    }

    /** Everything but the analysis limits, which take their defaults. */
    public SpamSettings(double spamThreshold, double suspectThreshold, Optional<Path> rulesFile, Set<String> logOnly,
                        String honeypotField, Duration minFillTime) {
        this(spamThreshold, suspectThreshold, rulesFile, logOnly, honeypotField, minFillTime, DEFAULT_MAX_ANALYSED_CHARS,
                DEFAULT_TIME_BUDGET);
    }

    /** Thresholds only; everything else at its default. */
    public SpamSettings(double spamThreshold, double suspectThreshold) {
        this(spamThreshold, suspectThreshold, Optional.empty(), Set.of(), "", Duration.ofSeconds(3));
    }

    /** The defaults of every key. */
    public static SpamSettings defaults() {
        return new SpamSettings(10, 4);
    }

    /** This configuration with a site rule file. */
    public SpamSettings withRulesFile(Path file) {
        return new SpamSettings(spamThreshold, suspectThreshold, Optional.of(file), logOnly, honeypotField, minFillTime,
                maxAnalysedChars, timeBudget, model);
    }

    /** This configuration with other model settings. */
    public SpamSettings withModel(SpamModelSettings other) {
        return new SpamSettings(spamThreshold, suspectThreshold, rulesFile, logOnly, honeypotField, minFillTime,
                maxAnalysedChars, timeBudget, other);
    }

    public static SpamSettings read(ConfigReader reader) {
        double spam = reader.decimal("spam.threshold.spam", 10, 0.1, 1000);
        double suspect = reader.decimal("spam.threshold.suspect", 4, 0.1, 1000);
        if (suspect > spam) {
            reader.problem("spam.threshold.suspect", reader.raw("spam.threshold.suspect"), "a number not above spam.threshold.spam (" + spam + ")");
        }
        Optional<Path> rulesFile = reader.optional("spam.rules-file").map(raw -> reader.path("spam.rules-file", null));
        List<String> logOnly = reader.list("spam.log-only", List.of());
        String honeypot = reader.string("spam.honeypot-field", "");
        Duration minFill = reader.duration("spam.min-fill-time", Duration.ofSeconds(3), Duration.ZERO, Duration.ofMinutes(10));
        int maxChars = reader.integer("spam.max-analysed-chars", DEFAULT_MAX_ANALYSED_CHARS, 1_000, 10_000_000);
        Duration budget = reader.duration("spam.time-budget", DEFAULT_TIME_BUDGET, Duration.ofMillis(1), Duration.ofMinutes(1));
        RulePack pack = null;
        if (rulesFile.isPresent() && (rulesFile.get() == null || !Files.isReadable(rulesFile.get()))) {
            reader.problem("spam.rules-file", reader.raw("spam.rules-file"), "a readable rule file");
            rulesFile = Optional.empty();
        }
        try {
            pack = RulePack.load(rulesFile);
        } catch (RulePack.RulePackException e) {
            reader.problem("spam.rules-file", reader.raw("spam.rules-file"), "a valid rule file (" + e.getMessage() + ")");
        }
        if (pack != null) {
            for (String id : logOnly) {
                if (pack.rules().stream().noneMatch(rule -> rule.id().equals(id))) {
                    reader.problem("spam.log-only", reader.raw("spam.log-only"), "rule ids of the rule pack; '" + id + "' is not one");
                }
            }
        }
        SpamModelSettings model = readModel(reader);
        return new SpamSettings(spam, suspect, rulesFile, Set.copyOf(logOnly), honeypot, minFill, maxChars, budget, model);
    }

    private static SpamModelSettings readModel(ConfigReader reader) {
        Optional<Double> spam = reader.optional("spam.model.spam-threshold")
                .map(raw -> reader.decimal("spam.model.spam-threshold", 0.5, 0.0, 1.0));
        Optional<Double> suspect = reader.optional("spam.model.suspect-threshold")
                .map(raw -> reader.decimal("spam.model.suspect-threshold", 0.5, 0.0, 1.0));
        if (spam.isPresent() && suspect.isPresent() && suspect.get() > spam.get()) {
            reader.problem("spam.model.suspect-threshold", reader.raw("spam.model.suspect-threshold"),
                    "a probability not above spam.model.spam-threshold (" + spam.get() + ")");
        }
        String mode = reader.string("spam.site-learning", SpamModelSettings.DEFAULT_SITE_LEARNING.name().toLowerCase(Locale.ROOT));
        SiteLearner.Mode learning = SpamModelSettings.DEFAULT_SITE_LEARNING;
        if (!mode.trim().matches("(?i)off|shadow|on")) {
            reader.problem("spam.site-learning", mode, "off, shadow or on");
        } else {
            learning = SiteLearner.Mode.parse(mode);
        }
        int min = reader.integer("spam.site-learning.min-decisions", SpamModelSettings.DEFAULT_MIN_DECISIONS, 1, 100_000);
        return new SpamModelSettings(spam, suspect, learning, min);
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 15m}, {@code 24h}, {@code 7d}; null when not that shape. */
    static Duration duration(String raw) {
        Matcher m = DURATION.matcher(raw.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
