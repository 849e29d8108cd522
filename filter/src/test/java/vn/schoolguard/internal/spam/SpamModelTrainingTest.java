package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpamModelTrainingTest {

    /** The repository's corpus (corpus/legit, corpus/spam at the root), or SCHOOLGUARD_CORPUS. */
    static Path repositoryCorpus() {
        String env = System.getenv("SCHOOLGUARD_CORPUS");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of("..", "corpus");
    }

    static Path miniCorpus() throws URISyntaxException {
        return Path.of(SpamModelTrainingTest.class.getResource("/spam/mini-corpus").toURI());
    }

    @Test
    void theShippedModelIsExactlyWhatTrainingOnTheRepositoryCorpusWrites() throws IOException {
        Path corpus = repositoryCorpus();
        assumeTrue(Files.isDirectory(corpus.resolve("legit")) && Files.isDirectory(corpus.resolve("spam")),
                "no corpus at " + corpus.toAbsolutePath() + " (set SCHOOLGUARD_CORPUS)");
        byte[] trained = SpamTraining.train(corpus, new PrintWriter(new StringWriter()));
        byte[] shipped;
        try (InputStream in = SpamModel.class.getResourceAsStream(SpamModel.RESOURCE)) {
            shipped = in.readAllBytes();
        }
        assertThat(trained).as("retrain with: schoolguard train --corpus corpus --out filter/src/main/resources%s", SpamModel.RESOURCE)
                .isEqualTo(shipped);
    }

    @Test
    void trainingIsReproducibleBitForBit() throws Exception {
        byte[] first = SpamTraining.train(miniCorpus(), new PrintWriter(new StringWriter()));
        byte[] second = SpamTraining.train(miniCorpus(), new PrintWriter(new StringWriter()));
        assertThat(first).isEqualTo(second);
        SpamModel model = SpamModel.read(new ByteArrayInputStream(first));
        assertThat(model.toBytes()).isEqualTo(first);
        assertThat(model.summary()).contains("texts=112");
        assertThat(model.spamThreshold()).isBetween(SpamTraining.MIN_SPAM_THRESHOLD, SpamTraining.MAX_SPAM_THRESHOLD);
        assertThat(model.suspectThreshold()).isBetween(SpamTraining.MIN_SUSPECT_THRESHOLD, model.spamThreshold());
    }

    @Test
    void theLearnedModelSeparatesItsTrainingTexts() throws Exception {
        SpamModel model = SpamModel.read(new ByteArrayInputStream(SpamTraining.train(miniCorpus(), new PrintWriter(new StringWriter()))));
        SpamScorer scorer = SpamTraining.featureScorer();
        int right = 0;
        List<Corpus.Item> items = Corpus.read(miniCorpus());
        for (Corpus.Item item : items) {
            double p = model.probability(scorer.analyse(SpamTraining.input(item.text())).features(), SiteAdjustment.NONE);
            right += (p >= 0.5) == item.spam() ? 1 : 0;
        }
        assertThat(right).isGreaterThanOrEqualTo((int) (items.size() * 0.95));
    }

    @Test
    void theSplitIsByGroupStableAndAboutSeventyFifteenFifteen() {
        int[] counts = new int[3];
        for (int i = 0; i < 3000; i++) {
            counts[Corpus.split("group-" + i).ordinal()]++;
        }
        assertThat(counts[0]).isBetween(1950, 2250);
        assertThat(counts[1]).isBetween(350, 550);
        assertThat(counts[2]).isBetween(350, 550);
        Corpus.Item seed = new Corpus.Item("spam-x-0001", true, "x", false, "spam-x-0001", "a");
        Corpus.Item variant = new Corpus.Item("spam-x-0001-v3", true, "x", true, "spam-x-0001", "b");
        assertThat(variant.split()).isEqualTo(seed.split());
        assertThat(new Corpus.Item("no-group", false, "", false, "", "t").split()).isEqualTo(Corpus.split("no-group"));
    }

    @Test
    void badCorpusLinesAreRejectedNamingFileAndLine(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("spam"));
        Files.writeString(dir.resolve("spam/a.jsonl"), "{\"id\":\"1\",\"label\":\"spam\",\"text\":\"x\"}\n{\"id\":\"2\",\"label\":\"ham\",\"text\":\"y\"}\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Corpus.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("a.jsonl:2")
                .hasMessageContaining("\"spam\" or \"legit\"");
        Files.writeString(dir.resolve("spam/a.jsonl"), "{\"id\":\"1\",\"label\":\"spam\",\"text\":<script>}\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Corpus.read(dir)).isInstanceOf(IOException.class).hasMessageContaining("a.jsonl");
        assertThatThrownBy(() -> Corpus.read(dir.resolve("missing"))).hasMessageContaining("is not a directory");
    }

    @Test
    void aModelFileThatIsNotOneIsRejected() {
        assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream("SGLR but not really".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SpamModel.read(new ByteArrayInputStream(new byte[0]))).isInstanceOf(IOException.class);
    }

    @Test
    void trainerIsDeterministicAndLearnsASeparableProblem() {
        List<ModelTrainer.Example> examples = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            boolean spam = i % 2 == 0;
            examples.add(new ModelTrainer.Example(new int[] {0, spam ? 1 : 2, 3 + i % 7}, new float[] {1, 1, 0.5f}, spam, spam ? 1 : 3));
        }
        float[] w = ModelTrainer.train(examples);
        assertThat(w).isEqualTo(ModelTrainer.train(examples));
        assertThat(w[1]).isPositive();
        assertThat(w[2]).isNegative();
    }
}
