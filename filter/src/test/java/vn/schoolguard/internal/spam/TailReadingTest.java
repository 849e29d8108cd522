package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An ad posted after an ordinary comment is read on its own and filed as spam; a warning or a question after the
 * same comment, and a comment that names no gambling at all, are not.
 */
class TailReadingTest {

    private static final SpamScorer SCORER = SpamScorer.create(SpamSettings.defaults());
    private static final String COMMENT = "Cảm ơn nhà trường đã tổ chức buổi họp phụ huynh cuối kỳ rất chu đáo, cô chủ nhiệm "
            + "giải thích rõ kết quả học tập của từng con. ";
    private static final String TAIL = SpamScorer.MODEL_RULE_PREFIX + "tail";

    @Test
    void anAdAfterAnOrdinaryCommentIsFiledAsSpamWithTheReasonSaid() {
        String ad = "P/s: anh em cần vốn gấp thì vay qua app, giải ngân 15 phút, không cần thế chấp, hạn mức tới 30 triệu.";
        // The comment's words ("giải thích", "phụ huynh") frame the whole text: read whole, it offers nothing.
        assertThat(SCORER.analyse(SpamTraining.input(COMMENT + ad)).structure().framed).isTrue();
        SpamScore score = score(COMMENT + ad);
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(rules(score)).contains(TAIL, "loan.offer");
        assertThat(score.reasons()).filteredOn(r -> r.rule().equals(TAIL)).singleElement()
                .extracting(Reason::detail).asString().startsWith("the text read from character ");
    }

    /**
     * A quick-loan ad after a friendly comment names loans, not gambling, in words the rules did not list ("vay nóng",
     * "không thẩm định", "chỉ cần CCCD"): the text was not read from its last sentence and passed as clean.
     */
    @Test
    void aQuickLoanAdAfterAFriendlyCommentIsReadFromItsLastSentence() {
        String text = COMMENT + "Ai đang khó khăn cần vay nóng thì gọi em Trang 0358 771 204, không thẩm định, chỉ cần CCCD.";
        assertThat(SCORER.analyse(SpamTraining.input(text)).structure().namesGambling).isTrue();
        SpamScore score = score(text);
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(rules(score)).contains(TAIL, "loan.offer");
    }

    @Test
    void anAdReadFromATextCutAtTheAnalysisLimitIsSpamAndSaysSo() {
        String ad = "P/s: anh em cần vốn gấp thì vay qua app, giải ngân 15 phút, không cần thế chấp, hạn mức tới 30 triệu.";
        String text = COMMENT + ad;
        // The scored text is the author, a line break, the fields and a line break: cut right after the ad. A new
        // scorer's first text runs before the JIT has compiled anything; on a busy machine that can outlast the
        // default budget and end the reading early for another reason than the cut this test is about.
        SpamSettings defaults = SpamSettings.defaults();
        SpamSettings cut = new SpamSettings(defaults.spamThreshold(), defaults.suspectThreshold(), defaults.rulesFile(),
                defaults.logOnly(), defaults.honeypotField(), defaults.minFillTime(), text.length() + 1, Duration.ofMinutes(1));
        SpamScore score = SpamScorer.create(cut).score(SpamTraining.input(text + " Xin cảm ơn cô."));
        assertThat(score.verdict()).isEqualTo(Verdict.SPAM);
        assertThat(rules(score)).contains(TAIL, SpamScorer.INCOMPLETE_RULE);
    }

    @Test
    void aWarningAfterTheSameCommentIsNotSpam() {
        SpamScore score = score(COMMENT + "Nhà trường cũng cảnh báo: các lời mời \"vay qua app, giải ngân 15 phút\" để gỡ "
                + "tiền nạp nhà cái là lừa đảo, phụ huynh không tham gia và báo công an.");
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
    }

    @Test
    void newsWhoseLastSentenceReadsLikeAnAdIsNotReadFromIt() {
        // Two warning words make it news: its last sentence, alone, names a Telegram contact in plain speech.
        String news = "Vụ lừa đảo qua nhóm \"Xem phim nhận quà\" ở Tiền Hải: nạn nhân là một cô giáo mầm non mất 260 triệu. "
                + "Các đối tượng nhắn qua Telegram @quatang_phim_vip để giao việc mỗi ngày.";
        SpamScore score = score(news);
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
        assertThat(SCORER.analyse(SpamTraining.input(news)).structure().cautions()).isTrue();
        // One warning word is an ad's own aside: the ad after it is still read alone.
        assertThat(SCORER.analyse(SpamTraining.input(COMMENT + "Nợ nần thì sao? P/s: anh em cần vốn gấp thì vay qua app, "
                + "giải ngân 15 phút.")).structure().cautions()).isFalse();
    }

    @Test
    void aLastSentenceThatListsAdsInQuotationMarksIsNotAnAd() {
        // One warning word only ("tệ nạn"): the notice is read from its last sentences, which quote the ads' words.
        String notice = "Thực hiện kế hoạch của Phòng GD&ĐT về phòng ngừa tệ nạn cờ bạc trên mạng, giáo viên chủ nhiệm dành "
                + "10 phút sinh hoạt lớp để phổ biến cho các em. Những lời mời thường gặp: 'xóc đĩa online', 'bắn cá đổi "
                + "thưởng', 'lô đề 1 ăn 99'.";
        SpamScore score = score(notice);
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
        // The same words said, not quoted, are an ad after an ordinary comment.
        SpamScore ad = score(COMMENT + "Anh em thích xóc đĩa online, bắn cá đổi thưởng, lô đề 1 ăn 99 thì vào chơi ngay nhé.");
        assertThat(rules(ad)).contains(TAIL);
    }

    @Test
    void aNoticeThatQuotesAnOfferAfterAColonIsNotReadFromTheQuote() {
        // What follows the colon is the notice's own quote, not a post after it; read alone it was an offer.
        SpamScore score = score("Phong GD Ngoc Hien nhac cac truong: loai tin \"tuyen CTV lam tai nha, ngay kiem 500k, chi "
                + "can dat don\" thuong dan toi web co bac.");
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
    }

    @Test
    void aQuestionAfterTheSameCommentIsNotSpam() {
        SpamScore score = score(COMMENT + "Câu hỏi thảo luận cho buổi sinh hoạt lớp: vì sao quảng cáo tài xỉu \"nạp 100k tặng "
                + "100k\" lôi kéo được học sinh?");
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
    }

    @Test
    void aCommentThatEndsWithAPhoneNumberButNamesNoGamblingIsNotReadInParts() {
        SpamScore score = score("Kính gửi nhà trường, xe đưa đón sáng nay đến trễ 40 phút và không ai báo cho phụ huynh. "
                + "Mong nhà trường kiểm tra lại, có gì xin gọi cho tôi theo số 0987 654 321, tôi cảm ơn.");
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL);
    }

    @Test
    void manyFramedSentencesNamingGamblingAreReadWithinTheTimeBudget() {
        String sentence = "Cảnh báo phụ huynh: trang tài xỉu ăn 1.98 là lừa đảo, không tham gia. ";
        SpamScore score = score(COMMENT + sentence.repeat(400));
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
        assertThat(rules(score)).doesNotContain(TAIL, SpamScorer.INCOMPLETE_RULE);
    }

    /**
     * Calibration reads a legitimate text's tails as scoring does: a notice whose last sentences, alone, offered an
     * account sign-up with a gambling word ("Link này dẫn tới trang đăng ký tài khoản cá cược…") was filed by its tail
     * at 0.544 while the thresholds had been set from whole texts only (spam at 0.500).
     */
    @Test
    void theTailsThatScoringReadsAloneAreTheOnesCalibrationReads() {
        String ad = "P/s: anh em cần vốn gấp thì vay qua app, giải ngân 15 phút, không cần thế chấp, hạn mức tới 30 triệu.";
        List<SpamScorer.Analysed> tails = tailsReadAlone(COMMENT + ad);
        assertThat(tails).isNotEmpty();
        assertThat(tails).allSatisfy(tail -> assertThat(tail.structure().plainGambling()).isTrue());
        // The tail that files the text is among them, and the model files it alone.
        SpamModel model = SCORER.model();
        assertThat(tails).anySatisfy(tail -> assertThat(model.probability(tail.features(), SiteAdjustment.NONE))
                .isGreaterThanOrEqualTo(model.spamThreshold()));
        // A warning is never read in parts, nor is a text that names no gambling.
        assertThat(tailsReadAlone("Vụ lừa đảo qua nhóm \"Xem phim nhận quà\" ở Tiền Hải: nạn nhân là "
                + "một cô giáo mầm non mất 260 triệu. Các đối tượng nhắn qua Telegram @quatang_phim_vip để giao việc mỗi ngày.")).isEmpty();
        assertThat(tailsReadAlone(COMMENT + "Mong nhà trường tổ chức thêm những buổi như vậy.")).isEmpty();
    }

    @Test
    void aNoticeWhoseLastSentencesReadAloneOfferASignUpIsNotFiledByThem() {
        SpamScore score = score("Thông báo khẩn: trang fanpage giả 'Trường THCS Đoàn Thị Điểm - Tuyển sinh' đăng bài 'Nhận quà "
                + "khai giảng tại link qua-tang-hs.site'. Link này dẫn tới trang đăng ký tài khoản cá cược. Vui lòng chỉ theo dõi "
                + "trang chính thức.");
        assertThat(score.verdict()).isNotEqualTo(Verdict.SPAM);
    }

    private static List<SpamScorer.Analysed> tailsReadAlone(String text) {
        ScoringInput input = SpamTraining.input(text);
        return SCORER.tailsReadAlone(input, SCORER.analyse(input));
    }

    private static SpamScore score(String text) {
        return SCORER.score(SpamTraining.input(text));
    }

    private static List<String> rules(SpamScore score) {
        return score.reasons().stream().map(Reason::rule).toList();
    }
}
