package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.schoolguard.api.ConfigException;
import vn.schoolguard.SchoolGuardConfig;

class SpamScorerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private static final SpamScorer DEFAULT = SpamScorer.create(SpamSettings.defaults());

    private static ScoringInput text(String text) {
        return ScoringInput.ofText(text, "", "", "", NOW);
    }

    private static Set<String> rules(SpamScore score) {
        return score.reasons().stream().map(Reason::rule).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void issue3SchoolWordsThatContainGamblingSyllablesStayClean() {
        for (String text : new String[] {"Đề thi học kỳ môn Toán", "Em có vấn đề cần hỏi", "Thư viện nhận một lô sách mới",
                "Nổi da gà khi hát Quốc ca", "Cuộc thi kéo co", "Đội bóng đánh bại đội bạn", "Máy bay B52 bị bắn rơi năm 1972"}) {
            assertThat(DEFAULT.score(text(text)).verdict()).as(text).isEqualTo(Verdict.CLEAN);
        }
    }

    @Test
    void everyScoreHasNamedReasonsWithWeightsThatAddUp() {
        SpamScore score = DEFAULT.score(text("Nhà cái uy tín, nổ hũ đổi thưởng tại go88 chấm vip"));
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(score.score()).isEqualTo(score.reasons().stream().mapToDouble(Reason::weight).sum());
        assertThat(score.reasons()).extracting(Reason::describe)
                .contains("domain.spelled: Domain written in disguise / Tên miền viết tránh bộ lọc: \"go88.vip\"");
    }

    @Test
    void antiGamblingAnnouncementIsOffsetButAdvertWithDomainIsNot() {
        SpamScore notice = DEFAULT.score(text("Nhà trường tuyên truyền phòng chống tác hại của cá độ bóng đá và lô đề cho học sinh."));
        assertThat(notice.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(rules(notice)).contains("awareness");
        SpamScore advert = DEFAULT.score(text("Phòng chống gì đâu, nổ hũ đổi thưởng uy tín tại kuwin chấm club"));
        assertThat(advert.verdict()).isEqualTo(Verdict.SPAM);
    }

    @Test
    void thresholdsDecideWhatRuleWeightFlagsAndWhatEvidenceFiles() {
        // Product requirement: a text without a promotion target is at most suspect, whatever its rule weight.
        ScoringInput discussion = text("Mình chơi nổ hũ và tài xỉu");
        assertThat(DEFAULT.score(discussion).verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(SpamScorer.create(new SpamSettings(5, 2)).score(discussion).verdict()).isEqualTo(Verdict.SUSPECT);
        // Evidence that does not depend on wording (here the honeypot) files as spam at spam.threshold.spam.
        ScoringInput bot = new ScoringInput("comments", Map.of("content", "Bài viết hay quá, cảm ơn thầy cô nhà trường", "website2", "x"),
                "", "", "", "", NOW, Optional.empty());
        assertThat(SpamScorer.create(thresholds(10, 4)).score(bot).verdict()).isEqualTo(Verdict.SPAM);
        assertThat(SpamScorer.create(thresholds(15, 4)).score(bot).verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(SpamScorer.create(thresholds(50, 20)).score(bot).verdict()).isEqualTo(Verdict.CLEAN);
    }

    private static SpamSettings thresholds(double spam, double suspect) {
        return new SpamSettings(spam, suspect, Optional.empty(), Set.of(), "website2", Duration.ZERO);
    }

    @Test
    void logOnlyRuleIsReportedButAddsNothing() {
        SpamSettings settings = new SpamSettings(10, 4, Optional.empty(), Set.of("gambling.term"), "", Duration.ofSeconds(3));
        SpamScore score = SpamScorer.create(settings).score(text("Mình chơi nổ hũ và tài xỉu"));
        assertThat(score.score()).isZero();
        assertThat(score.reasons()).filteredOn(r -> !r.rule().startsWith(SpamScorer.MODEL_RULE_PREFIX)).singleElement().satisfies(reason -> {
            assertThat(reason.weight()).isZero();
            assertThat(reason.detail()).endsWith("[log-only, would add 6]");
        });
    }

    @Test
    void hiddenLinkMarkupIsSpamEvenUnderAPoliteText() {
        SpamScore score = DEFAULT.score(new ScoringInput("comments", Map.of("content",
                "<p>Cảm ơn thầy cô!</p><div style=\"position:absolute; left:-9999px\"><a href=\"https://abc.example/\">x</a></div>"),
                "", "", "", "", NOW, Optional.empty()));
        assertThat(rules(score)).contains("html.hidden-link");
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
    }

    @Test
    void linkCountThresholdIgnoresAllowedSchoolDomains() {
        String school = "<a href=\"https://a.edu.vn\">1</a> <a href=\"https://b.edu.vn\">2</a> <a href=\"https://c.gov.vn\">3</a>";
        assertThat(rules(DEFAULT.score(text(school)))).doesNotContain("links.many");
        String other = "<a href=\"https://a.example\">1</a> <a href=\"https://b.example\">2</a> <a href=\"https://c.example\">3</a>";
        assertThat(rules(DEFAULT.score(text(other)))).contains("links.many");
    }

    @Test
    void honeypotAndFormFillTimeAreCheckedWhenConfigured() {
        SpamSettings settings = new SpamSettings(10, 4, Optional.empty(), Set.of(), "website2", Duration.ofSeconds(3));
        SpamScorer scorer = SpamScorer.create(settings);
        ScoringInput bot = new ScoringInput("comments", Map.of("content", "Bài viết hay", "website2", "x"), "", "", "", "",
                NOW, Optional.of(Duration.ofMillis(400)));
        // The model explains itself too (weight 0); the rules' reasons come first and are these two.
        assertThat(scorer.score(bot).reasons()).filteredOn(r -> !r.rule().startsWith(SpamScorer.MODEL_RULE_PREFIX))
                .extracting(Reason::describe).containsExactly(
                "form.honeypot: Hidden trap field filled in / Ô bẫy ẩn đã bị điền: field 'website2' was filled in",
                "form.too-fast: Form sent too fast / Gửi biểu mẫu quá nhanh: sent 400 ms after the form was shown (minimum 3000 ms)");
        ScoringInput person = new ScoringInput("comments", Map.of("content", "Bài viết hay", "website2", ""), "", "", "", "",
                NOW, Optional.of(Duration.ofSeconds(40)));
        SpamScore personal = scorer.score(person);
        assertThat(personal.verdict()).isEqualTo(Verdict.CLEAN);
        assertThat(personal.reasons()).filteredOn(r -> !r.rule().startsWith(SpamScorer.MODEL_RULE_PREFIX)).isEmpty();
    }

    @Test
    void repeatedIdenticalPostsCountWithinTheWindowOnly() {
        InMemorySpamMemory memory = new InMemorySpamMemory();
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults(), memory);
        String body = "Mời mọi người ghé xem trang của mình nhé, nhiều thứ hay lắm";
        memory.remember(ScoringInput.ofText(body, "", "", "", NOW.minus(Duration.ofHours(30))));
        memory.remember(ScoringInput.ofText(body, "", "", "", NOW.minus(Duration.ofHours(2))));
        assertThat(rules(scorer.score(ScoringInput.ofText(body, "", "", "", NOW)))).doesNotContain("repeat.identical");
        memory.remember(ScoringInput.ofText("<b>" + body.toUpperCase() + "</b>", "", "", "", NOW.minus(Duration.ofHours(1))));
        assertThat(rules(scorer.score(ScoringInput.ofText(body, "", "", "", NOW)))).contains("repeat.identical");
    }

    @Test
    void whatModeratorsMarkedAsSpamCountsByIpEmailHostAndFingerprint() {
        InMemorySpamMemory memory = new InMemorySpamMemory();
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults(), memory);
        ScoringInput marked = new ScoringInput("comments", Map.of("content", "Ghé thăm https://shop.example/khuyen-mai để nhận quà"),
                "An", "An@Mail.example ", "", "203.0.113.9", NOW, Optional.empty());
        memory.markSpam(marked);
        assertThat(rules(scorer.score(marked))).contains("marked.ip", "marked.email", "marked.host", "marked.fingerprint");
        ScoringInput otherText = new ScoringInput("comments", Map.of("content", "Xem thêm tại shop chấm example nhé"),
                "", "an@mail.example", "", "198.51.100.1", NOW, Optional.empty());
        assertThat(rules(scorer.score(otherText))).contains("marked.email").doesNotContain("marked.ip", "marked.fingerprint");
    }

    @Test
    void scoringIsAPureFunctionOfRulesInputAndMemory() {
        ScoringInput input = text("Top nhà cái uy tín: fb88, w88 - tặng 100k");
        assertThat(DEFAULT.score(input)).isEqualTo(DEFAULT.score(input));
        assertThat(SpamScorer.create(SpamSettings.defaults()).score(input)).isEqualTo(DEFAULT.score(input));
    }

    @Test
    void fingerprintIsStableAndIgnoresMarkupCaseAndTones() {
        assertThat(SpamScorer.fingerprint("Nhà cái uy tín")).isEqualTo(SpamScorer.fingerprint("nha cai uy tin"));
        assertThat(SpamScorer.fingerprint("<b>NHÀ CÁI</b> uy tín")).isEqualTo(SpamScorer.fingerprint("nha cai uy tin"));
        // Golden value: changing the algorithm must change the prefix, never the value under fp1.
        assertThat(SpamScorer.fingerprint("nha cai uy tin")).isEqualTo("fp1:" + sha256Prefix("nhacaiuytin"));
    }

    @Test
    void siteRuleFileAddsPhrasesAndSwitchesShippedRules(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("site.pack");
        Files.writeString(file, String.join("\n",
                "version = site-1",
                "[site.local-brand]",
                "kind = phrase",
                "weight = 12",
                "label = Trang cờ bạc địa phương",
                "- quán xyz đánh bài",
                "[gambling.term]",
                "mode = log-only",
                ""), StandardCharsets.UTF_8);
        SpamScorer scorer = SpamScorer.create(SpamSettings.defaults().withRulesFile(file));
        assertThat(scorer.rulesVersion()).isEqualTo("2026.12.5+site-1");
        // Without a promotion target the site rule flags the text (at most suspect, product requirement); with one it files it.
        assertThat(scorer.score(text("Tối nay ra QUÁN XYZ ĐÁNH BÀI nhé")).verdict()).isEqualTo(Verdict.SUSPECT);
        assertThat(scorer.score(text("Tối nay ra QUÁN XYZ ĐÁNH BÀI nhé")).reasons()).extracting(Reason::rule).contains("site.local-brand");
        assertThat(scorer.score(text("Tối nay ra QUÁN XYZ ĐÁNH BÀI, nạp tiền tại quanxyz.club nhé")).verdict()).isEqualTo(Verdict.SPAM);
        assertThat(scorer.score(text("Mình chơi nổ hũ và tài xỉu")).score()).isZero();
    }

    @Test
    void badSiteRuleFileIsRejectedNamingFileLineAndExpectation(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.pack");
        Files.writeString(file, "[site.x]\nkind = phrase\nweight = heavy\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SpamScorer.create(SpamSettings.defaults().withRulesFile(file)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(file + ":3: weight = 'heavy' is not valid; expected a number");
        Files.writeString(file, "[site.x]\nkind = magic\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SpamScorer.create(SpamSettings.defaults().withRulesFile(file)))
                .hasMessageStartingWith(file + ":2: kind = 'magic' is not valid; expected one of phrase, pattern");
    }

    @Test
    void settingsAreReadThroughTheConfigurationWithEveryProblemNamed(@TempDir Path dir) {
        SpamSettings settings = SchoolGuardConfig.builder()
                .set("data.dir", dir.toString())
                .set("spam.threshold.spam", "12").set("spam.log-only", "links.many, gambling.term")
                .set("spam.honeypot-field", "website").set("spam.min-fill-time", "5s")
                .build().spam();
        assertThat(settings.spamThreshold()).isEqualTo(12);
        assertThat(settings.logOnly()).containsExactlyInAnyOrder("links.many", "gambling.term");
        assertThat(settings.honeypotField()).isEqualTo("website");
        assertThat(settings.minFillTime()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SchoolGuardConfig.builder().set("data.dir", dir.toString())
                .set("spam.log-only", "no.such-rule").set("spam.rules-file", dir.resolve("missing.pack").toString()).build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("spam.log-only").hasMessageContaining("'no.such-rule' is not one")
                .hasMessageContaining("spam.rules-file").hasMessageContaining("a readable rule file");
    }

    private static String sha256Prefix(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
