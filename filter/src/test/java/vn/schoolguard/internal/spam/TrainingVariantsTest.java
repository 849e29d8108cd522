package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A disguised training copy is reproducible and folds back to the words of its original. */
class TrainingVariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"Cho em hỏi lịch thi học kỳ II của khối 9 đã có chưa ạ?",
            "Đề nghị nhà trường có thêm hình thức nộp học phí qua ví điện tử cho tiện.", "ok", ""})
    void aCopyIsReproducibleAndReadsAsItsOriginal(String text) {
        for (long seed = 0; seed < 50; seed++) {
            String copy = TrainingVariants.of(text, seed);
            assertThat(copy).isEqualTo(TrainingVariants.of(text, seed));
            assertThat(TextNormalizer.compact(TextNormalizer.fold(copy))).isEqualTo(TextNormalizer.compact(TextNormalizer.fold(text)));
        }
    }
}
