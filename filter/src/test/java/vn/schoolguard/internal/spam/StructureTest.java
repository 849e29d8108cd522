package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** Promotion targets found, and not found, in texts of {@code spam/targets.csv}. */
class StructureTest {

    private static final SpamScorer SCORER = SpamTraining.featureScorer();
    private static final SpamScorer SHIPPED = SpamScorer.create(SpamSettings.defaults());

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

    /**
     * A long number that is no Vietnamese mobile number (nine to twelve digits from 0, or 84 and nine digits) is no phone: a
     * comment of praise ending in a 9- to 12-digit number from 8 or 9 was filed as spam, unseen.
     */
    @Test
    void aLongNumberThatIsNoMobileNumberSendsNobodyAnywhere() {
        Random random = new Random(20261203);
        List<String> filed = new ArrayList<>();
        for (String praise : new String[] {"Bài viết hay lắm ", "Bai viet hay qua ", "Cảm ơn thầy cô "}) {
            for (int length = 7; length <= 19; length++) {
                for (int i = 0; i < 40; i++) {
                    StringBuilder number = new StringBuilder().append((char) ('1' + random.nextInt(9)));
                    while (number.length() < length) {
                        number.append((char) ('0' + random.nextInt(10)));
                    }
                    if (number.length() == 11 && number.charAt(0) == '8' && number.charAt(1) == '4') {
                        continue;
                    }
                    SpamScore result = SHIPPED.score(SpamTraining.input(praise + number));
                    if (result.verdict() == Verdict.SPAM) {
                        filed.add(praise + number);
                    }
                }
            }
        }
        assertThat(filed).as("praise with a number filed as spam").isEmpty();
    }

    /**
     * A text that warns or cites the law twice and names a link or a number is most often a warning or news quoting
     * the ad: it takes the weak-target threshold, not the spam threshold; an ad with one warning word of its own does not.
     */
    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(resources = "/spam/cautioning-targets.csv", delimiter = '|', numLinesToSkip = 1)
    void aWarningThatNamesTheAdsLinkNeedsAMoreConfidentModel(boolean cautions, boolean promotes, String text) {
        Structure structure = SCORER.analyse(SpamTraining.input(text)).structure();
        assertThat(structure.hasStrongTarget()).as("strong target").isTrue();
        assertThat(structure.cautions()).as("cautions").isEqualTo(cautions);
        assertThat(structure.promotes()).as("takes the spam threshold").isEqualTo(promotes);
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
