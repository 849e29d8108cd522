package vn.schoolguard.internal.spam;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Trains the global spam model from a labelled corpus: features of every text through the shipped rule pack,
 * logistic regression on the train split (legitimate texts weigh {@value #LEGIT_WEIGHT}×, hard ones
 * {@value #HARD_LEGIT_WEIGHT}×, each with one disguised copy at {@value #VARIANT_WEIGHT} of its weight), thresholds
 * calibrated on the dev split. The same corpus gives the same bytes.
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
    /** Dev legitimate texts with a target may not reach the spam threshold; this much room is left above them. */
    static final double SPAM_MARGIN = 0.02;
    /** The share of dev spam the suspect threshold must hold at least. */
    static final double SUSPECT_RECALL = 0.997;
    static final double MIN_SPAM_THRESHOLD = 0.5;
    /** An offer, chat or payment wording alone files a text as spam only when the model is this sure at least. */
    static final double MIN_WEAK_TARGET_THRESHOLD = 0.95;
    static final double MAX_SPAM_THRESHOLD = 0.99;
    static final double MIN_SUSPECT_THRESHOLD = 0.05;
    /** The suspect threshold is at least this many times an empty text's probability. */
    static final double EMPTY_MARGIN = 1.5;
    /** {@code spam.threshold.suspect}'s default: rule weight that holds a text whatever the model says. */
    static final double RULE_SUSPECT = 4;
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    private SpamTraining() {
    }

    /** The model file trained on the corpus under {@code directory}; progress lines go to {@code log}. */
    public static byte[] train(Path directory, PrintWriter log) throws IOException {
        List<Corpus.Item> items = Corpus.read(directory);
        SpamScorer scorer = featureScorer();
        List<ModelTrainer.Example> train = new ArrayList<>();
        List<Scored> dev = new ArrayList<>();
        int[] counts = new int[3];
        for (Corpus.Item item : items) {
            SpamScorer.Analysed analysed = scorer.analyse(input(item.text()));
            counts[item.split().ordinal()]++;
            if (item.split() == Corpus.Split.TRAIN) {
                double weight = item.spam() ? 1 : item.hard() ? HARD_LEGIT_WEIGHT : LEGIT_WEIGHT;
                train.add(ModelTrainer.Example.of(analysed.features(), item.spam(), weight));
                if (!item.spam()) {
                    String variant = TrainingVariants.of(item.text(), item.id().hashCode());
                    train.add(ModelTrainer.Example.of(scorer.analyse(input(variant)).features(), false, weight * VARIANT_WEIGHT));
                }
            } else if (item.split() == Corpus.Split.DEV) {
                dev.add(new Scored(item, analysed));
            }
        }
        log.printf(Locale.ROOT, "corpus %s: %d texts (train %d, dev %d, test %d)%n", directory, items.size(), counts[0], counts[1], counts[2]);
        float[] weights = ModelTrainer.train(train);
        String summary = String.format(Locale.ROOT, "texts=%d train=%d dev=%d test=%d seed=%d epochs=%d", items.size(),
                counts[0], counts[1], counts[2], ModelTrainer.SEED, ModelTrainer.EPOCHS);
        SpamModel model = calibrate(new SpamModel(weights, 1, 1, summary), dev, log);
        return model.toBytes();
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

    private record Scored(Corpus.Item item, SpamScorer.Analysed analysed) {
    }

    /**
     * Spam threshold: just above every dev legitimate text that has a strong promotion target (so none is filed
     * as spam), within [{@value #MIN_SPAM_THRESHOLD}, {@value #MAX_SPAM_THRESHOLD}]; the weak-target threshold the
     * same over dev legitimate texts whose targets are all weak, at least {@value #MIN_WEAK_TARGET_THRESHOLD}.
     * Suspect threshold: low enough to hold {@value #SUSPECT_RECALL} of dev spam.
     */
    private static SpamModel calibrate(SpamModel model, List<Scored> dev, PrintWriter log) {
        double highestStrong = 0;
        double highestWeak = 0;
        List<Double> spam = new ArrayList<>();
        for (Scored s : dev) {
            double p = model.probability(s.analysed().features(), SiteAdjustment.NONE);
            Structure structure = s.analysed().structure();
            if (!s.item().spam() && structure.promotes()) {
                highestStrong = Math.max(highestStrong, p);
            } else if (!s.item().spam() && structure.hasTarget()) {
                highestWeak = Math.max(highestWeak, p);
            } else if (s.item().spam() && ruleScore(s.analysed()) < RULE_SUSPECT) {
                // Spam the rules already flag needs no model threshold to be held.
                spam.add(p);
            }
        }
        // A text that says nothing must stay clean: the threshold stays well above an empty text's probability.
        double empty = model.probability(featureScorer().analyse(input("")).features(), SiteAdjustment.NONE);
        double spamThreshold = above(highestStrong, MIN_SPAM_THRESHOLD);
        double weakThreshold = Math.max(spamThreshold, above(highestWeak, MIN_WEAK_TARGET_THRESHOLD));
        double[] sorted = spam.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(sorted.length * (1 - SUSPECT_RECALL));
        double suspect = sorted.length == 0 ? 0.5 : sorted[Math.min(allowed, sorted.length - 1)];
        double floor = Math.max(MIN_SUSPECT_THRESHOLD, EMPTY_MARGIN * empty);
        double suspectThreshold = Math.min(spamThreshold, Math.max(floor, Math.floor(suspect * 1000) / 1000));
        log.printf(Locale.ROOT, "thresholds (dev): spam %.3f with a promotion target, %.3f with weak targets only, suspect %.3f%n",
                spamThreshold, weakThreshold, suspectThreshold);
        return model.withThresholds(spamThreshold, suspectThreshold).withWeakTargetThreshold(weakThreshold);
    }

    /** Just above the highest legitimate probability, within [floor, {@value #MAX_SPAM_THRESHOLD}], in thousandths. */
    private static double above(double highestLegit, double floor) {
        return Math.ceil(Math.min(MAX_SPAM_THRESHOLD, Math.max(floor, highestLegit + SPAM_MARGIN)) * 1000) / 1000;
    }
}
