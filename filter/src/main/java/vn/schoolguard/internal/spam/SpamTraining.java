package vn.schoolguard.internal.spam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Trains the global spam model from a labelled corpus: features of every text through the shipped rule pack,
 * logistic regression on the train split (legitimate texts weigh {@value #LEGIT_WEIGHT}×, hard ones
 * {@value #HARD_LEGIT_WEIGHT}×, each with one disguised copy at {@value #VARIANT_WEIGHT} of its weight), thresholds
 * calibrated on the dev split together with the train split scored fold by fold ({@value #FOLDS} folds by group,
 * each scored by a model trained on the others): a threshold set by the dev split's single highest legitimate text
 * swung with that one text. A legitimate text is read there as scoring reads it, whole and from each tail scoring reads
 * alone ({@link SpamScorer#tailsReadAlone}), and counts once, at its highest reading. The same corpus gives the same
 * bytes.
 *
 * <pre>{@code
 * byte[] model = SpamTraining.train(Path.of("corpus"), log);   // what `schoolguard train` writes
 * }</pre>
 */
public final class SpamTraining {

    static final double LEGIT_WEIGHT = 2;
    static final double HARD_LEGIT_WEIGHT = 4;
    /** A disguised copy of a legitimate training text ({@link TrainingVariants}) weighs this share of the original. */
    static final double VARIANT_WEIGHT = 0.5;
    /** Legitimate texts with a target may not reach the spam threshold; this much room is left above them. */
    static final double SPAM_MARGIN = 0.02;
    /** The train split is scored in this many folds, each by a model trained on the others, for calibration. */
    static final int FOLDS = 5;
    /**
     * The share of the calibration pool's legitimate texts that may score above their threshold (the spam or the
     * weak-target one) and be filed as spam: half the
     * product's bar of 0.2 % legitimate texts filed as spam, as texts never seen score higher than the pool's.
     */
    static final double ALLOWED_FALSE_SPAM = 0.001;
    /**
     * The share of the calibration pool's spam (less what the rules hold) the suspect threshold must hold at least:
     * scored fold by fold, most of it is campaigns the scoring model never saw.
     */
    static final double SUSPECT_RECALL = 0.997;
    static final double MIN_SPAM_THRESHOLD = 0.5;
    /**
     * Offer, chat or payment wording or a masked number alone files a text as spam only when the model is this sure
     * at least: four to one, whatever the pool's legitimate texts score.
     */
    static final double MIN_WEAK_TARGET_THRESHOLD = 0.8;
    static final double MAX_SPAM_THRESHOLD = 0.99;
    static final double MIN_SUSPECT_THRESHOLD = 0.05;
    /** {@code spam.threshold.suspect}'s default: rule weight that holds a text whatever the model says. */
    static final double RULE_SUSPECT = 4;
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private SpamTraining() {
    }

    /** The model file trained on the corpus under {@code directory}; progress lines go to {@code log}. */
    public static byte[] train(Path directory, PrintWriter log) throws IOException {
        List<Corpus.Item> items = Corpus.read(directory);
        SpamScorer scorer = featureScorer();
        List<Training> train = new ArrayList<>();
        List<Scored> dev = new ArrayList<>();
        int[] counts = new int[3];
        for (Corpus.Item item : items) {
            SpamScorer.Analysed analysed = scorer.analyse(input(item.text()));
            counts[item.split().ordinal()]++;
            // A legitimate text is filed by its tails read alone as much as by itself: both are calibrated for.
            List<SpamScorer.Analysed> tails = item.spam() || item.split() == Corpus.Split.TEST ? List.of()
                    : scorer.tailsReadAlone(input(item.text()), analysed);
            if (item.split() == Corpus.Split.TRAIN) {
                double weight = item.spam() ? 1 : item.hard() ? HARD_LEGIT_WEIGHT : LEGIT_WEIGHT;
                List<ModelTrainer.Example> examples = new ArrayList<>(2);
                examples.add(ModelTrainer.Example.of(analysed.features(), item.spam(), weight));
                if (!item.spam()) {
                    String variant = TrainingVariants.of(item.text(), item.id().hashCode());
                    examples.add(ModelTrainer.Example.of(scorer.analyse(input(variant)).features(), false, weight * VARIANT_WEIGHT));
                }
                train.add(new Training(new Scored(item, analysed, tails), examples, Math.floorMod(item.groupKey().hashCode(), FOLDS)));
            } else if (item.split() == Corpus.Split.DEV) {
                dev.add(new Scored(item, analysed, tails));
            }
        }
        log.printf(Locale.ROOT, "corpus %s: %d texts (train %d, dev %d, test %d)%n", directory, items.size(), counts[0], counts[1], counts[2]);
        float[] weights = ModelTrainer.train(examples(train, -1));
        String summary = String.format(Locale.ROOT, "texts=%d train=%d dev=%d test=%d seed=%d epochs=%d", items.size(),
                counts[0], counts[1], counts[2], ModelTrainer.SEED, ModelTrainer.EPOCHS);
        SpamModel model = new SpamModel(weights, 1, 1, summary);
        List<Point> pool = new ArrayList<>();
        for (Scored s : dev) {
            pool.addAll(Point.of(s, model));
        }
        // Each fold of the train split is scored by a model trained without it, as texts never seen are.
        for (int fold = 0; fold < FOLDS; fold++) {
            SpamModel without = new SpamModel(ModelTrainer.train(examples(train, fold)), 1, 1, "");
            for (Training t : train) {
                if (t.fold() == fold) {
                    pool.addAll(Point.of(t.scored(), without));
                }
            }
        }
        return calibrate(model, pool, log).toBytes();
    }

    /** Every example of the train split, or all but those of one fold. */
    private static List<ModelTrainer.Example> examples(List<Training> train, int leftOut) {
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (Training t : train) {
            if (t.fold() != leftOut) {
                examples.addAll(t.examples());
            }
        }
        return examples;
    }

    /** A scorer for features only: shipped rules, no memory, no model, no time budget. */
    static SpamScorer featureScorer() {
        SpamSettings settings = new SpamSettings(10, 4, Optional.empty(), Set.of(), "", Duration.ZERO,
                SpamSettings.DEFAULT_MAX_ANALYSED_CHARS, Duration.ofMinutes(10));
        return SpamScorer.create(settings, SpamMemory.NONE, new SpamModel(new float[FeatureVector.DIMENSION], 1, 1, ""));
    }

    private static double ruleScore(SpamScorer.Analysed analysed) {
        double sum = 0;
        for (Reason reason : analysed.evaluation().reasons) {
            sum += reason.weight();
        }
        return sum;
    }

    static ScoringInput input(String text) {
        return ScoringInput.ofText(text, "", "", "", AT);
    }

    /** A corpus text as the model sees it, and its tails the policy reads alone ({@link SpamScorer#tailsReadAlone}). */
    private record Scored(Corpus.Item item, SpamScorer.Analysed analysed, List<SpamScorer.Analysed> tails) {
    }

    /** A train-split text, its examples (itself and, when legitimate, its disguised copy) and its fold. */
    private record Training(Scored scored, List<ModelTrainer.Example> examples, int fold) {
    }

    /**
     * A text of the calibration pool, or one of its tails ({@code tail}): its label, its structure, its rule score and
     * the probability a model that never saw it gives.
     */
    private record Point(Corpus.Item item, Structure structure, double rules, double p, boolean tail) {

        /** The text and each of its tails the policy reads alone. */
        static List<Point> of(Scored s, SpamModel model) {
            List<Point> points = new ArrayList<>(1 + s.tails().size());
            points.add(of(s.item(), s.analysed(), model, false));
            for (SpamScorer.Analysed tail : s.tails()) {
                points.add(of(s.item(), tail, model, true));
            }
            return points;
        }

        private static Point of(Corpus.Item item, SpamScorer.Analysed analysed, SpamModel model, boolean tail) {
            return new Point(item, analysed.structure(), ruleScore(analysed), model.probability(analysed.features(), SiteAdjustment.NONE), tail);
        }
    }

    /**
     * Spam threshold: just above the legitimate texts of the pool (dev, and the train split scored fold by fold) that
     * would take it, but for a share of {@value #ALLOWED_FALSE_SPAM} of all the pool's legitimate texts; within
     * [{@value #MIN_SPAM_THRESHOLD}, {@value #MAX_SPAM_THRESHOLD}]. The weak-target threshold just above the
     * legitimate texts of the pool it applies to but for the rest of that allowance, at least
     * {@value #MIN_WEAK_TARGET_THRESHOLD}. The allowance is split between the two where they file the most of the pool's
     * spam. Suspect threshold: low
     * enough to hold {@value #SUSPECT_RECALL} of the pool's spam that the rules do not hold.
     */
    private static SpamModel calibrate(SpamModel model, List<Point> pool, PrintWriter log) {
        // Per text, the highest of its readings (itself and its tails) that each threshold applies to: a text is filed
        // once, however many of its readings would file it.
        Map<String, Double> strongest = new LinkedHashMap<>();
        Map<String, Double> weakest = new LinkedHashMap<>();
        int legit = 0;
        for (Point point : pool) {
            if (point.item().spam()) {
                continue;
            }
            legit += point.tail() ? 0 : 1;
            // A text the policy never files (framed with weak targets and no gambling words, or quoting its targets)
            // need not stay below a threshold.
            if (!point.structure().fileable()) {
                continue;
            }
            (point.structure().promotes() ? strongest : weakest).merge(point.item().id(), point.p(), Math::max);
        }
        List<Double> strong = new ArrayList<>(strongest.values());
        List<Double> weak = new ArrayList<>(weakest.values());
        int allowed = (int) Math.floor(legit * ALLOWED_FALSE_SPAM);
        List<Double> spam = new ArrayList<>();
        for (Point point : pool) {
            if (point.item().spam() && point.rules() < RULE_SUSPECT) {
                // Spam the rules already flag needs no model threshold to be held.
                spam.add(point.p());
            }
        }
        // A text must say something more spam-like than nothing to be held: the threshold stays above an empty text's
        // probability. No margin above it is needed, as below VerdictPolicy.CONFIDENT a text is held only with a target
        // or a rule hit to show. A margin of half as much again held 0.7 % less of dev's spam for one legitimate text in a
        // thousand held less.
        double empty = model.probability(featureScorer().analyse(input("")).features(), SiteAdjustment.NONE);
        Shares shares = shareAllowance(pool, strong, weak, allowed);
        double spamThreshold = shares.spam();
        double weakThreshold = shares.weak();
        int weakAllowed = shares.weakAllowed();
        double[] sorted = spam.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int missed = (int) Math.floor(sorted.length * (1 - SUSPECT_RECALL));
        double suspect = sorted.length == 0 ? 0.5 : sorted[Math.min(missed, sorted.length - 1)];
        double floor = Math.max(MIN_SUSPECT_THRESHOLD, Math.ceil(empty * 1000) / 1000);
        double suspectThreshold = Math.min(spamThreshold, Math.max(floor, Math.floor(suspect * 1000) / 1000));
        log.printf(Locale.ROOT, "thresholds (%d legitimate texts of dev and train folds, %d may pass): spam %.3f with a promotion target, "
                + "%.3f with weak targets only, suspect %.3f%n", legit, allowed, spamThreshold, weakThreshold, suspectThreshold);
        // Which texts set the two thresholds, for whoever asks why one moved.
        log.printf(Locale.ROOT, "highest legitimate texts: %s with a promotion target, %s with weak targets only%n",
                highestLegit(pool, true, allowed - weakAllowed), highestLegit(pool, false, weakAllowed));
        return model.withThresholds(spamThreshold, suspectThreshold).withWeakTargetThreshold(weakThreshold);
    }

    /** The id and probability of the legitimate text at {@link #highest} of its kind ("none" when there is none). */
    private static String highestLegit(List<Point> pool, boolean promotes, int allowed) {
        List<Point> legit = new ArrayList<>();
        for (Point point : pool) {
            if (!point.item().spam() && point.structure().fileable() && point.structure().promotes() == promotes) {
                legit.add(point);
            }
        }
        legit.sort(java.util.Comparator.comparingDouble(Point::p).reversed());
        return legit.size() <= allowed ? "none"
                : String.format(Locale.ROOT, "%s%s (%.3f)", legit.get(allowed).item().id(), legit.get(allowed).tail() ? " read from a tail" : "",
                        legit.get(allowed).p());
    }

    /** The spam and weak-target thresholds, and how many of the pool's legitimate texts the weak one may let through. */
    private record Shares(double spam, double weak, int weakAllowed) {
    }

    /**
     * One allowance of {@code allowed} legitimate texts for the whole pool, shared by the two thresholds where they file
     * the most of its spam (ties go to the spam threshold): the spam threshold spending all of it left the weak-target
     * threshold above every legitimate text with weak targets only, and those are most of the spam it files.
     */
    private static Shares shareAllowance(List<Point> pool, List<Double> strong, List<Double> weak, int allowed) {
        Shares best = null;
        int mostFiled = -1;
        for (int spent = allowed; spent >= 0; spent--) {
            double spamAt = above(highest(strong, spent), MIN_SPAM_THRESHOLD);
            // At its floor the spam threshold may let fewer through than it was given: the rest is the weak one's.
            int weakLeft = allowed - passing(strong, spamAt);
            double weakAt = Math.max(spamAt, above(highest(weak, weakLeft), MIN_WEAK_TARGET_THRESHOLD));
            int filed = filedSpam(pool, spamAt, weakAt);
            if (filed > mostFiled) {
                mostFiled = filed;
                best = new Shares(spamAt, weakAt, weakLeft);
            }
        }
        return best;
    }

    /** How many spam texts of the pool one of whose readings reaches the threshold its targets take. */
    private static int filedSpam(List<Point> pool, double spamThreshold, double weakThreshold) {
        Set<String> filed = new HashSet<>();
        for (Point point : pool) {
            Structure structure = point.structure();
            if (point.item().spam() && structure.fileable() && point.p() >= (structure.promotes() ? spamThreshold : weakThreshold)) {
                filed.add(point.item().id());
            }
        }
        return filed.size();
    }

    /** How many of {@code probabilities} reach {@code threshold}. */
    private static int passing(List<Double> probabilities, double threshold) {
        int passing = 0;
        for (double p : probabilities) {
            passing += p >= threshold ? 1 : 0;
        }
        return passing;
    }

    /** The highest probability once the {@code allowed} highest are set aside (0 when no more are left). */
    private static double highest(List<Double> probabilities, int allowed) {
        if (probabilities.size() <= allowed) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(probabilities);
        sorted.sort(java.util.Collections.reverseOrder());
        return sorted.get(allowed);
    }

    /** Just above the highest legitimate probability, within [floor, {@value #MAX_SPAM_THRESHOLD}], in thousandths. */
    private static double above(double highestLegit, double floor) {
        return Math.ceil(Math.min(MAX_SPAM_THRESHOLD, Math.max(floor, highestLegit + SPAM_MARGIN)) * 1000) / 1000;
    }
}
