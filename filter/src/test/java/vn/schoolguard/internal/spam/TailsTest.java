package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Where a text's last sentences start: shortest first, long enough to read, never the whole text. */
class TailsTest {

    private static final String GREETING = "Cảm ơn thầy cô đã tổ chức buổi ngoại khóa rất bổ ích cho các con. ";
    private static final String AD = "Vay qua app giải ngân trong 15 phút, không cần thế chấp, lãi nhẹ.";

    @Test
    void aTailStartsAfterASentenceEndAndRunsToTheEnd() {
        String text = GREETING + AD;
        assertThat(Arrays.stream(Tails.starts(text)).mapToObj(text::substring)).containsExactly(AD);
    }

    @Test
    void tailsComeShortestFirstAndEachIsLongEnoughToRead() {
        String text = GREETING + "Em là phụ huynh lớp 6A2, rất vui khi thấy con tiến bộ từng ngày! " + AD + " Ok.";
        int[] starts = Tails.starts(text);
        // " Ok." alone is too short; the ad with it is the shortest tail.
        assertThat(text.substring(starts[0])).isEqualTo(AD + " Ok.");
        assertThat(starts).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        for (int start : starts) {
            assertThat(text.length() - start).isGreaterThanOrEqualTo(Tails.MIN_TAIL);
        }
    }

    @Test
    void lineBreaksEndSentencesButADecimalPointAndAColonDoNot() {
        String text = "Tài xỉu ăn 1.98 uy tín nhất hôm nay các bạn ơi\nP/s: " + AD;
        assertThat(Arrays.stream(Tails.starts(text)).mapToObj(text::substring)).containsExactly("P/s: " + AD);
    }

    @Test
    void aTextWithoutSentenceEndsOrOnlyALeadingLineBreakHasNoTails() {
        assertThat(Tails.starts(AD.replace(".", ""))).isEmpty();
        assertThat(Tails.starts("\n" + AD)).isEmpty();
        assertThat(Tails.starts("")).isEmpty();
        assertThat(Tails.starts(".")).isEmpty();
        assertThat(Tails.starts(". ")).isEmpty();
    }

    @Test
    void atMostEightTailsAreTakenFromAnyText() {
        String text = (AD + " ").repeat(50);
        assertThat(Tails.starts(text)).hasSize(Tails.MAX_TAILS);
    }

    @Test
    void aMillionSentenceEndsAreScannedInLinearTime() {
        String dots = ". ".repeat(500_000);
        String lines = "\n".repeat(1_000_000);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            assertThat(Tails.starts(dots)).isEmpty();
            assertThat(Tails.starts(lines)).isEmpty();
            assertThat(Tails.starts(lines + AD + "\n" + AD)).hasSize(1);
        });
    }
}
