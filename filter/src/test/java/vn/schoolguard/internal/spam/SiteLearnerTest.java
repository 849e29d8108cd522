package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

class SiteLearnerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    /** This site's own kind of spam: a local card-game shop with a phone number, which the corpus never saw. */
    private static final String LOCAL_SPAM = "Quán bài Tứ Sắc chú Ba mở cửa tối nay, bàn lớn nhỏ đủ cả, gọi 0912 345 %03d để giữ chỗ";
    private static final String LOCAL_LEGIT = "Thông báo lịch sinh hoạt câu lạc bộ cờ vua tối thứ %d, liên hệ thầy Ba qua số 0912 345 678";

    private static SpamSettings settings(SiteLearner.Mode mode, int min) {
        return new SpamSettings(10, 4, Optional.empty(), Set.of(), "", Duration.ZERO, 100_000, Duration.ofMinutes(1),
                new SpamModelSettings(Optional.empty(), Optional.empty(), mode, min));
    }

    private static ScoringInput text(String text) {
        return ScoringInput.ofText(text, "", "", "", NOW);
    }

    private static void teach(SpamScorer scorer, int each) {
        for (int i = 0; i < each; i++) {
            scorer.learn(1000 + i, text(String.format(LOCAL_SPAM, i)), true);
            scorer.learn(2000 + i, text(String.format(LOCAL_LEGIT, 2 + i % 6)), false);
        }
    }

    @Test
    void learnedDeltasCountOnlyOnceBothKindsOfDecisionReachTheMinimum() {
        SpamScorer scorer = SpamScorer.create(settings(SiteLearner.Mode.ON, 20), SpamMemory.NONE)
                .withSiteLearning(SiteLearningStore.inMemory());
        SpamScore before = scorer.score(text(String.format(LOCAL_SPAM, 999)));
        for (int i = 0; i < 30; i++) {
            scorer.learn(1000 + i, text(String.format(LOCAL_SPAM, i)), true);
        }
        assertThat(scorer.score(text(String.format(LOCAL_SPAM, 999))).verdict()).as("one kind only: not balanced").isEqualTo(before.verdict());
        teach(scorer, 30);
        assertThat(scorer.score(text(String.format(LOCAL_SPAM, 999))).verdict()).isEqualTo(Verdict.SPAM);
        assertThat(scorer.score(text(String.format(LOCAL_LEGIT, 7))).verdict()).isNotEqualTo(Verdict.SPAM);
    }

    @Test
    void shadowModeKeepsTheGlobalVerdictAndSaysWhatTheSiteModelWouldDecide() {
        SpamScorer global = SpamScorer.create(settings(SiteLearner.Mode.OFF, 5), SpamMemory.NONE);
        SpamScorer shadow = SpamScorer.create(settings(SiteLearner.Mode.SHADOW, 5), SpamMemory.NONE)
                .withSiteLearning(SiteLearningStore.inMemory());
        teach(shadow, 30);
        SpamScore score = shadow.score(text(String.format(LOCAL_SPAM, 999)));
        assertThat(score.verdict()).isEqualTo(global.score(text(String.format(LOCAL_SPAM, 999))).verdict());
        assertThat(score.reasons()).extracting(Reason::describe).contains("model.site-shadow: this site's learned model would say spam"
                + " (spam.site-learning=shadow)");
    }

    @Test
    void anOverruledDecisionIsForgottenExactly() {
        SiteLearningStore store = SiteLearningStore.inMemory();
        SpamScorer scorer = SpamScorer.create(settings(SiteLearner.Mode.ON, 1), SpamMemory.NONE).withSiteLearning(store);
        teach(scorer, 3);
        java.util.Map<Integer, Float> before = store.deltas();
        scorer.learn(77, text("Bài viết về trại hè rất hay, cảm ơn thầy cô"), true);
        assertThat(store.deltas()).isNotEqualTo(before);
        scorer.learn(77, text("Bài viết về trại hè rất hay, cảm ơn thầy cô"), false);
        assertThat(store.decisionCounts()).containsExactly(4, 3);
        assertThat(store.decision(77).spam()).isFalse();
    }

    @Test
    void offLearnsNothingAndAScorerLearnsFromOneSiteOnly() {
        SiteLearningStore store = SiteLearningStore.inMemory();
        SpamScorer off = SpamScorer.create(settings(SiteLearner.Mode.OFF, 1), SpamMemory.NONE).withSiteLearning(store);
        teach(off, 3);
        assertThat(store.decisionCounts()).containsExactly(0, 0);
        assertThatThrownBy(() -> off.withSiteLearning(store)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settingsAreValidated(@TempDir java.nio.file.Path dir) {
        SpamSettings read = SchoolGuardConfig.builder().set("data.dir", dir.toString()).set("spam.site-learning", "on")
                .set("spam.site-learning.min-decisions", "50").set("spam.model.spam-threshold", "0.9").build().spam();
        assertThat(read.model().siteLearning()).isEqualTo(SiteLearner.Mode.ON);
        assertThat(read.model().minDecisions()).isEqualTo(50);
        assertThat(read.model().spamThreshold()).contains(0.9);
        assertThatThrownBy(() -> SchoolGuardConfig.builder().set("data.dir", dir.toString()).set("spam.site-learning", "sometimes")
                .set("spam.site-learning.min-decisions", "0").set("spam.model.spam-threshold", "0.3")
                .set("spam.model.suspect-threshold", "0.6").build())
                .isInstanceOf(ConfigException.class).hasMessageContaining("spam.site-learning").hasMessageContaining("off, shadow or on")
                .hasMessageContaining("spam.site-learning.min-decisions").hasMessageContaining("spam.model.suspect-threshold");
    }
}
