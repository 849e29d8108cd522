package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code schoolguard eval} prints: the matrix, the rates, and spam with and without a promotion target apart. */
class SpamEvaluationTest {

    @TempDir
    Path dir;

    @Test
    void spamWithoutAPromotionTargetIsCountedApartFromSpamThePolicyMayFile() throws Exception {
        Path file = dir.resolve("labelled.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"s1\",\"label\":\"spam\",\"category\":\"casino\",\"text\":\"Nhà cái uy tín số 1, nạp 100k tặng 100k, vào ngay bong88.com nhận thưởng\"}",
                "{\"id\":\"s2\",\"label\":\"spam\",\"category\":\"casino\",\"text\":\"Đá gà Thomo hôm nay cực hay, anh em chiến thôi\"}",
                "{\"id\":\"l1\",\"label\":\"legit\",\"category\":\"thanks\",\"text\":\"Cảm ơn thầy cô đã tổ chức buổi họp phụ huynh chu đáo.\"}"),
                StandardCharsets.UTF_8);
        SpamEvaluation.Result result = SpamEvaluation.run(SpamEvaluation.readFile(file), SpamScorer.create(SpamSettings.defaults()));
        assertThat(result.fileableSpam.total()).isEqualTo(1);
        assertThat(result.otherSpam.total()).isEqualTo(1);
        assertThat(result.fileableSpam.spamRate()).isEqualTo(1.0);
        assertThat(result.otherSpam.spamRate()).as("no target: never spam on wording alone").isZero();
        assertThat(result.otherSpam.flaggedRate()).isEqualTo(1.0);
        StringWriter out = new StringWriter();
        result.print(new PrintWriter(out));
        assertThat(out.toString())
                .contains("confusion (label -> verdict):")
                .contains("spam with a promotion target: 1, ->spam 1.0000, ->spam|suspect 1.0000; without one (never spam on wording alone): 1, ->spam|suspect 1.0000")
                .contains("legit->spam 0.0000");
    }
}
