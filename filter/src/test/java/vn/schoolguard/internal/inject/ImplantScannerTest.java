package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImplantScannerTest {

    private final ImplantScanner scanner = new ImplantScanner(ImplantRules.builtIn(), ApprovedContent.NONE, List.of());

    static String fixture(String name) throws IOException {
        try (InputStream in = ImplantScannerTest.class.getResourceAsStream("/inject/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void plantedPageReportsGamblingLinksHiddenLinksAndHiddenPhrases() throws IOException {
        List<ImplantFinding> findings = scanner.scan(fixture("planted.html"), "thcs-leloi.haiphong.edu.vn");
        assertThat(findings).extracting(ImplantFinding::kind, ImplantFinding::detail).contains(
                tuple("gambling-link", "https://fb88a.com/"),
                tuple("hidden-link", "https://random-shop.example/"),
                tuple("hidden-link", "https://some-seo-site.example/"),
                tuple("gambling-link", "https://kubet77.net/dang-ky"),
                tuple("gambling-phrase", "nha cai uy tin (hidden)"),
                tuple("gambling-phrase", "no hu (hidden)"),
                tuple("gambling-phrase", "tai xiu"));
        assertThat(findings).extracting(ImplantFinding::detail)
                .as("links inside scripts and the parent portal are not findings")
                .doesNotContain("https://kubet77.net", "https://haiphong.edu.vn/");
    }

    @Test
    void ordinarySchoolPageWithExamWordsAndHiddenMenusIsClean() throws IOException {
        assertThat(scanner.scan(fixture("clean.html"), "thpt-ngoquyen.edu.vn")).isEmpty();
    }

    @Test
    void approvedContentIsNotReported() {
        ImplantScanner lenient = new ImplantScanner(ImplantRules.builtIn(), text -> text.contains("tác hại"), List.of());
        String page = "<html><body><p>Cảnh báo tác hại của nhà cái uy tín giả mạo</p><p>nổ hũ</p></body></html>";
        assertThat(lenient.scan(page, "school.example")).extracting(ImplantFinding::detail).containsExactly("no hu");
    }

    @Test
    void allowedHostsAreNeverReported() {
        ImplantScanner allowing = new ImplantScanner(ImplantRules.builtIn(), ApprovedContent.NONE, List.of("partner.example"));
        String page = "<div hidden><a href=\"https://www.partner.example/x\">x</a><a href=\"https://other.example/\">y</a></div>";
        assertThat(allowing.scan(page, "school.example")).extracting(ImplantFinding::detail)
                .containsExactly("https://other.example/");
    }

    @Test
    void builtInRulesKnowNumberedBrandDomainsButNotOrdinaryWords() {
        ImplantRules rules = ImplantRules.builtIn();
        assertThat(rules.isGamblingHost("jun88vn.net")).isTrue();
        assertThat(rules.isGamblingHost("bet.example")).isTrue();
        assertThat(rules.isGamblingHost("alphabet.com")).isFalse();
        assertThat(rules.isGamblingHost("haiphong.edu.vn")).isFalse();
        assertThat(rules.gamblingPhrases("Đề thi và vấn đề, lô đề xuất")).isEmpty();
        assertThat(rules.gamblingPhrases("NHÀ CÁI  uy tín, game bài đổi thưởng")).containsExactly("nha cai uy tin", "game bai doi thuong");
    }
}
