package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped rule pack, a site file extending it, and every kind of bad site file named with file, line and value. */
class RulePackTest {

    @TempDir
    Path dir;

    @Test
    void theShippedPackLoadsWithItsVersionAndEveryRuleHasAKnownKind() {
        RulePack pack = RulePack.load(Optional.empty());
        assertThat(pack.version()).matches("\\d{4}\\.\\d{2}\\.\\d+.*");
        assertThat(pack.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(rule.kind()).isNotNull();
            assertThat(rule.id()).matches("[a-z0-9][a-z0-9.-]{0,60}");
            assertThat(Double.isFinite(rule.weight())).as(rule.id()).isTrue();
        });
    }

    @Test
    void aSiteFileAddsEntriesSwitchesRulesOffAndAddsItsOwn() throws Exception {
        RulePack shipped = RulePack.load(Optional.empty());
        Rule promo = shipped.rules().stream().filter(r -> r.kind() == RuleKind.PHRASE).findFirst().orElseThrow();
        Rule other = shipped.rules().stream().filter(r -> r != promo).findFirst().orElseThrow();
        Path file = site("version = 2026.11.site\n[" + promo.id() + "]\n- kèo thơm hôm nay\n[" + other.id() + "]\nmode = off\n"
                + "[site.lich-thi]\nkind = phrase\nweight = 2\nlabel = Lịch thi giả\n- lịch thi chính thức\n");
        RulePack pack = RulePack.load(Optional.of(file));
        assertThat(pack.version()).endsWith("+2026.11.site");
        Rule extended = pack.rules().stream().filter(r -> r.id().equals(promo.id())).findFirst().orElseThrow();
        assertThat(extended.entries()).hasSize(promo.entries().size() + 1);
        assertThat(extended.entries()).anySatisfy(e -> assertThat(e.words().strip()).isEqualTo("keo thom hom nay"));
        assertThat(pack.rules().stream().filter(r -> r.id().equals(other.id())).findFirst().orElseThrow().mode()).isEqualTo("off");
        assertThat(pack.rules()).anySatisfy(r -> {
            assertThat(r.id()).isEqualTo("site.lich-thi");
            assertThat(r.label()).isEqualTo("Lịch thi giả");
        });
    }

    static Stream<Arguments> badFiles() throws Exception {
        return Files.readAllLines(Path.of(RulePackTest.class.getResource("/spam/bad-rule-files.tsv").toURI()),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split("\t"))
                .map(f -> Arguments.of(f[0], f[1].replace("\\n", "\n"), f[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void aBadSiteFileIsRefusedNamingTheFileTheLineAndTheExpectation(String name, String content, String expected) throws Exception {
        Path file = site(content);
        assertThatThrownBy(() -> RulePack.load(Optional.of(file))).isInstanceOf(RulePack.RulePackException.class)
                .hasMessageContaining(file.toString() + ":").hasMessageContaining(expected);
    }

    /** The section as a whole had no place in the message: "[site.x]: kind = ''" did not say which file. */
    @Test
    void regressionARuleWithoutAKindNamesTheFileAndLineOfItsSection() throws Exception {
        Path file = site("version = 1\n\n[site.x]\n- bóng đá\n");
        assertThatThrownBy(() -> RulePack.load(Optional.of(file))).hasMessageStartingWith(file + ":3 [site.x]: kind = ''");
    }

    @Test
    void anUnreadableSiteFileIsNamed() {
        Path missing = dir.resolve("khong-co.pack");
        assertThatThrownBy(() -> RulePack.load(Optional.of(missing))).isInstanceOf(RulePack.RulePackException.class)
                .hasMessageContaining(missing.toString());
    }

    private Path site(String content) throws Exception {
        return Files.writeString(dir.resolve("site.pack"), content, StandardCharsets.UTF_8);
    }
}
