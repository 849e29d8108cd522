package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * The shipped model on {@code spam/fresh-labelled-2.jsonl}: 500 texts written after it by someone who never ran
 * the scorer (corpus/README.md). Never trained or tuned on; the bounds below are the figures measured when the set
 * arrived, so that no later change makes the product worse on texts it has never seen.
 */
class HeldOutSetTest {

    @Test
    void textsWrittenAfterTheModelAreScoredNoWorseThanWhenTheyArrived() throws IOException, URISyntaxException {
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults());
        List<SpamEvaluation.Labelled> texts = SpamEvaluation.readFile(
                Path.of(HeldOutSetTest.class.getResource("/spam/fresh-labelled-2.jsonl").toURI()));
        int spam = 0;
        int spamFiled = 0;
        int spamHeld = 0;
        int legit = 0;
        List<String> legitFiled = new ArrayList<>();
        for (SpamEvaluation.Labelled labelled : texts) {
            Verdict verdict = scorer.score(SpamTraining.input(labelled.item.text())).verdict();
            if (labelled.item.spam()) {
                spam++;
                spamFiled += verdict == Verdict.SPAM ? 1 : 0;
                spamHeld += verdict != Verdict.CLEAN ? 1 : 0;
            } else {
                legit++;
                if (verdict == Verdict.SPAM) {
                    legitFiled.add(labelled.item.id());
                }
            }
        }
        System.out.printf(Locale.ROOT, "held-out set: spam->spam %d/%d, spam->spam|suspect %d/%d, legit->spam %d/%d%n",
                spamFiled, spam, spamHeld, spam, legitFiled.size(), legit);
        assertThat(spam).isEqualTo(200);
        assertThat(legit).isEqualTo(300);
        // Measured on arrival: 5 of 300 legitimate texts filed as spam (1.7 %; the model before, 32), 141 and 176 of 200 spam.
        assertThat(legitFiled).as("legitimate texts filed as spam").hasSizeLessThanOrEqualTo(5);
        assertThat(spamFiled).as("spam filed as spam").isGreaterThanOrEqualTo(141);
        assertThat(spamHeld).as("spam filed or held").isGreaterThanOrEqualTo(176);
    }
}
