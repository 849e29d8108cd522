package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Evaluation runs on the repository corpus (skipped without it; SCHOOLGUARD_CORPUS points elsewhere): the test
 * split's figures, disguised legitimate texts, campaign memory on generated variants and per-site learning. They print the figures that
 * docs/performance.md reports and assert the product targets.
 */
class CorpusEvaluationTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static List<Corpus.Item> items;

    @BeforeAll
    static void corpus() throws IOException {
        Path corpus = SpamModelTrainingTest.repositoryCorpus();
        assumeTrue(Files.isDirectory(corpus.resolve("spam")), "no corpus at " + corpus.toAbsolutePath());
        items = Corpus.read(corpus);
    }

    private static SpamSettings settings(SiteLearner.Mode mode) {
        return new SpamSettings(10, 4, Optional.empty(), Set.of(), "", Duration.ZERO, 100_000, Duration.ofMinutes(1),
                new SpamModelSettings(Optional.empty(), Optional.empty(), mode, 1));
    }

    @Test
    void testSplitFigures() {
        List<SpamEvaluation.Labelled> test = new ArrayList<>();
        items.stream().filter(i -> i.split() == Corpus.Split.TEST).forEach(i -> test.add(new SpamEvaluation.Labelled(i)));
        SpamEvaluation.Result r = SpamEvaluation.run(test, SpamScorer.create(settings(SiteLearner.Mode.OFF), SpamMemory.NONE));
        r.print(new PrintWriter(System.out, true));
        assertThat(r.legit.spamRate()).isLessThanOrEqualTo(0.01);
    }

    /**
     * Legitimate dev and test texts typed the way campaigns disguise spam (emoji, zero-width characters, mixed
     * case, no tone marks), five copies each with other seeds than training's: at most 0.2 % filed as spam. A text
     * filed as spam as it stands is left out: its disguise is not what files it, and the legitimate -> spam rate
     * above counts it.
     */
    @Test
    void disguisedLegitimateTextsAreNotFiledAsSpam() {
        SpamScorer scorer = SpamScorer.create(settings(SiteLearner.Mode.OFF), SpamMemory.NONE);
        int scored = 0;
        int filed = 0;
        int filedUndisguised = 0;
        for (Corpus.Item item : items) {
            if (item.spam() || item.split() == Corpus.Split.TRAIN) {
                continue;
            }
            if (scorer.score(SpamTraining.input(item.text())).verdict() == Verdict.SPAM) {
                // Filed as spam as it stands (the legitimate -> spam rate counts it): the disguise is not what files it.
                filedUndisguised++;
                continue;
            }
            for (int k = 1; k <= 5; k++) {
                String disguised = TrainingVariants.of(item.text(), 7919L * k + item.id().hashCode());
                filed += scorer.score(SpamTraining.input(disguised)).verdict() == Verdict.SPAM ? 1 : 0;
                scored++;
            }
        }
        System.out.printf(Locale.ROOT, "disguised legitimate dev/test texts: %d scored, %d filed as spam (%.4f); %d texts left out, "
                + "filed as spam undisguised%n", scored, filed, filed / (double) scored, filedUndisguised);
        assertThat(filed / (double) scored).isLessThanOrEqualTo(0.002);
    }

    /** After 20 marked variants of one new campaign, its other variants are caught. */
    @Test
    void campaignAfterTwentyMarksCatchesItsVariants() {
        Random random = new Random(7);
        int caught = 0;
        int scored = 0;
        int legitCaught = 0;
        List<Corpus.Item> seeds = items.stream().filter(i -> i.spam() && i.split() == Corpus.Split.TEST && !i.id().contains("-v")).limit(20).toList();
        List<Corpus.Item> legit = items.stream().filter(i -> !i.spam() && i.split() == Corpus.Split.TEST).toList();
        for (Corpus.Item seed : seeds) {
            InMemorySpamMemory memory = new InMemorySpamMemory();
            SpamScorer scorer = SpamScorer.create(settings(SiteLearner.Mode.OFF), memory);
            for (int i = 0; i < 20; i++) {
                memory.markSpam(ScoringInput.ofText(Variants.of(seed.text(), random), "", "", "", NOW));
            }
            for (int i = 0; i < 80; i++) {
                SpamScore s = scorer.score(ScoringInput.ofText(Variants.of(seed.text(), random), "", "", "", NOW));
                caught += s.verdict() == Verdict.SPAM ? 1 : 0;
                scored++;
            }
            for (Corpus.Item l : legit) {
                legitCaught += scorer.score(ScoringInput.ofText(l.text(), "", "", "", NOW)).reasons().stream()
                        .anyMatch(r -> r.rule().equals("marked.campaign")) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "campaigns: %d seeds, %d variants scored after 20 marks each, %d filed as spam (%.4f);"
                + " legitimate test texts caught by a campaign: %d of %d%n", seeds.size(), scored, caught, caught / (double) scored,
                legitCaught, legit.size() * seeds.size());
        assertThat(caught / (double) scored).isGreaterThanOrEqualTo(0.95);
        assertThat(legitCaught).isZero();
    }

    /** Per-site learning: accuracy on held-out texts after n decisions of each kind, until it stops improving. */
    @Test
    void siteLearningReachesItsFinalAccuracyWithinFiftyDecisionsPerClass() {
        List<Corpus.Item> stream = new ArrayList<>(items.stream().filter(i -> i.split() != Corpus.Split.TRAIN).toList());
        java.util.Collections.shuffle(stream, new Random(11));
        List<Corpus.Item> heldOut = stream.subList(0, stream.size() / 3);
        List<Corpus.Item> spamDecisions = stream.subList(stream.size() / 3, stream.size()).stream().filter(Corpus.Item::spam).toList();
        List<Corpus.Item> legitDecisions = stream.subList(stream.size() / 3, stream.size()).stream().filter(i -> !i.spam()).toList();
        int most = Math.min(200, Math.min(spamDecisions.size(), legitDecisions.size()));
        SpamScorer scorer = SpamScorer.create(settings(SiteLearner.Mode.ON), SpamMemory.NONE).withSiteLearning(SiteLearningStore.inMemory());
        List<double[]> curve = new ArrayList<>();
        curve.add(new double[] {0, accuracy(scorer, heldOut)});
        for (int n = 1; n <= most; n++) {
            scorer.learn(n, SpamTraining.input(spamDecisions.get(n - 1).text()), true);
            scorer.learn(-n, SpamTraining.input(legitDecisions.get(n - 1).text()), false);
            if (n % 10 == 0 || n == most) {
                curve.add(new double[] {n, accuracy(scorer, heldOut)});
            }
        }
        double last = curve.get(curve.size() - 1)[1];
        double reached = curve.stream().filter(p -> p[1] >= last - 0.005).mapToDouble(p -> p[0]).min().orElse(most);
        StringBuilder line = new StringBuilder();
        curve.forEach(p -> line.append(String.format(Locale.ROOT, " %d:%.4f", (int) p[0], p[1])));
        System.out.printf(Locale.ROOT, "site learning (decisions per class: accuracy on %d held-out texts):%s; within 0.005 of final after %d%n",
                heldOut.size(), line, (int) reached);
        assertThat(reached).isLessThanOrEqualTo(50);
    }

    private static double accuracy(SpamScorer scorer, List<Corpus.Item> texts) {
        int right = 0;
        for (Corpus.Item item : texts) {
            right += (scorer.score(SpamTraining.input(item.text())).verdict() == Verdict.SPAM) == item.spam() ? 1 : 0;
        }
        return right / (double) texts.size();
    }

    /** Disguised variants of a text, as campaigns make them. */
    static final class Variants {
        private static final String[] EMOJI = {"🔥", "💰", "🎁", "✅", "🎲", "💎"};
        private static final String[] PADDING = {"Cảm ơn admin bài viết hay. ", "Chào cả nhà, ", "Mọi người ơi, ", ""};

        private Variants() {
        }

        static String of(String text, Random random) {
            StringBuilder out = new StringBuilder(PADDING[random.nextInt(PADDING.length)]);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int roll = random.nextInt(100);
                if (roll < 3 && Character.isLetter(c)) {
                    out.append(c).append('\u200b');
                } else if (roll < 6 && c == ' ') {
                    out.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]).append(' ');
                } else if (roll < 20 && Character.isLetter(c)) {
                    out.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
                } else {
                    out.append(c);
                }
            }
            return random.nextInt(4) == 0 ? java.text.Normalizer.normalize(out, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "") : out.toString();
        }
    }
}
