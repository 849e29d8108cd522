package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Promotion targets found, and not found, in texts of {@code spam/targets.csv}. */
class StructureTest {

    private static final SpamScorer SCORER = SpamTraining.featureScorer();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvFileSource(resources = "/spam/targets.csv", delimiter = '|', numLinesToSkip = 1)
    void promotionTargetsAreFoundWhereAReaderIsSentSomewhere(String expected, String text) {
        Set<Structure.Target> targets = SCORER.analyse(SpamTraining.input(text.replace("\\u200b", "\u200b"))).structure().targets;
        if (expected.equals("none")) {
            assertThat(targets).isEmpty();
        } else {
            assertThat(targets).extracting(Enum::name).contains(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(resources = "/spam/plain-gambling.csv", delimiter = '|', numLinesToSkip = 1)
    void gamblingNamedInPlainSpeechIsToldFromGamblingQuotedInAWarning(boolean names, boolean framed, String text) {
        Structure structure = SCORER.analyse(SpamTraining.input(text)).structure();
        assertThat(structure.namesGambling).as("names gambling").isEqualTo(names);
        assertThat(structure.framed).as("framed").isEqualTo(framed);
        assertThat(structure.plainGambling()).isEqualTo(names && !framed);
        // A weak target counts as strong only in plain speech about gambling; framed, wording files nothing without
        // gambling words, a masked number does.
        if (structure.hasTarget() && !structure.hasStrongTarget()) {
            assertThat(structure.promotes()).isEqualTo(names && !framed);
            assertThat(structure.fileable()).isEqualTo(names || !framed || structure.targets.contains(Structure.Target.MASKED_PHONE));
        }
    }
}
