package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * School business written in the words of an offer ("đăng ký ngay", "liên hệ mình", "nạp tiền qua app",
 * "hoàn tiền", "inbox mình") is never filed away as spam. {@code spam/everyday-offers.jsonl} is not part of the
 * corpus the model learns from: it checks the verdict policy on texts the model has never seen.
 */
class EverydayOffersTest {

    @Test
    void noEverydayOfferIsFiledAsSpam() throws IOException, URISyntaxException {
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults());
        List<SpamEvaluation.Labelled> texts = SpamEvaluation.readFile(
                Path.of(EverydayOffersTest.class.getResource("/spam/everyday-offers.jsonl").toURI()));
        assertThat(texts).hasSizeGreaterThanOrEqualTo(25);
        List<String> filed = new ArrayList<>();
        for (SpamEvaluation.Labelled labelled : texts) {
            SpamScore score = scorer.score(SpamTraining.input(labelled.item.text()));
            if (score.verdict() == Verdict.SPAM) {
                filed.add(labelled.item.id() + ": " + score.reasons());
            }
        }
        assertThat(filed).isEmpty();
    }

    @Test
    void anOfferAloneNeedsAMoreConfidentModelThanALinkOrAPhoneNumber() {
        SpamModel model = SpamModel.shared();
        assertThat(model.weakTargetThreshold()).isGreaterThanOrEqualTo(SpamTraining.MIN_WEAK_TARGET_THRESHOLD)
                .isGreaterThanOrEqualTo(model.spamThreshold());
    }
}
