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
 * The shipped model on {@code spam/labelled-5.jsonl}: 500 texts written by someone who never ran the scorer or
 * read its rules (corpus/README.md). Never trained or tuned on; the bounds below are the figures measured with the
 * model they were held out from, so that no later change makes the product worse on texts it has never seen.
 */
class HeldOutSetTest {

    @Test
    void textsWrittenAfterTheModelAreScoredNoWorseThanWhenTheyArrived() throws IOException, URISyntaxException {
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults());
        List<SpamEvaluation.Labelled> texts = SpamEvaluation.readFile(
                Path.of(HeldOutSetTest.class.getResource("/spam/labelled-5.jsonl").toURI()));
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
        // Measured with the model of 2026-12: no legitimate text filed as spam (the model before it: 27 of 300), 127 of
        // 200 spam filed as spam and 189 filed or held.
        assertThat(legitFiled).as("legitimate texts filed as spam").isEmpty();
        assertThat(spamFiled).as("spam filed as spam").isGreaterThanOrEqualTo(127);
        assertThat(spamHeld).as("spam filed or held").isGreaterThanOrEqualTo(189);
    }
}
