package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Framed texts that only quote their targets ({@code spam/quoted-targets.csv}), and the quotation scan's edges. */
class QuotedTargetsTest {

    private static final SpamScorer SCORER = SpamTraining.featureScorer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/spam/quoted-targets.csv", delimiter = '|', numLinesToSkip = 1)
    void aReportQuotingTheAdIsToldFromAnAdThatQuotesItsOwnSlogan(boolean quotes, String text) {
        Structure structure = SCORER.analyse(SpamTraining.input(text)).structure();
        assertThat(structure.hasTarget()).as("has a target").isTrue();
        assertThat(structure.quotesItsTargets()).isEqualTo(quotes);
        if (quotes) {
            assertThat(structure.fileable()).as("never filed unseen").isFalse();
        }
    }

    @Test
    void quotationsAreBlankedAndNothingElse() {
        assertThat(QuotedTargets.unquoted("không có gì")).isNull();
        assertThat(QuotedTargets.unquoted("a \"b c\" d")).isEqualTo("a       d");
        assertThat(QuotedTargets.unquoted("it's John's book")).isNull();
        assertThat(QuotedTargets.unquoted("\"\" rỗng")).isNull();
        assertThat(QuotedTargets.unquoted("mở \"không đóng\nrồi\" dòng khác")).isNull();
        assertThat(QuotedTargets.unquoted("«a» và “b”")).isEqualTo("    và    ");
    }

    @Test
    void floodsOfMarksAreReadInLinearTime() {
        assertThat(QuotedTargets.unquoted("“".repeat(200_000))).isNull();
        assertThat(QuotedTargets.unquoted(" '".repeat(100_000))).isNotNull();
        assertThat(QuotedTargets.unquoted(("\"" + "a".repeat(299)).repeat(500))).isNull();
        assertThat(QuotedTargets.unquoted("\"\n".repeat(100_000))).isNull();
    }
}
