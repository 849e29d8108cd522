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
    void anItemOfAListIsNotATail() {
        String exercise = "Đúng hay sai? Giải thích. a) Đánh bạc dưới 5 triệu đồng thì không bị xử lý. "
                + "b) Cho mượn nhà để đánh bạc là gá bạc. c) Chơi game đổi thưởng ra tiền thật là được phép.";
        // The question's instruction may begin a tail; its options a), b) and c) never do.
        assertThat(Arrays.stream(Tails.starts(exercise)).mapToObj(exercise::substring))
                .containsExactly(exercise.substring(exercise.indexOf("Giải thích")));
        String notice = "Nhà trường lưu ý:\n1. Không cho con mượn tài khoản ngân hàng của bố mẹ.\n12) Không nạp tiền vào các trò chơi đổi thưởng.";
        assertThat(Tails.starts(notice)).isEmpty();
        // Words of one or two letters begin sentences too ("Ai cần…", "Em là…", "A. Lan…" is a name, not a mark).
        String ad = GREETING + "Ai cần vay gấp 5 triệu qua app thì nhắn mình nhé, duyệt nhanh.";
        assertThat(Tails.starts(ad)).hasSize(1);
        // A number that ends a sentence is not a mark: "lớp 9." ends the greeting, and the ad after it is a tail.
        String after = "Con em học lớp 9. Ai cần vay gấp 5 triệu qua app thì nhắn mình nhé, duyệt nhanh.";
        assertThat(Arrays.stream(Tails.starts(after)).mapToObj(after::substring)).containsExactly(after.substring(after.indexOf("Ai")));
    }

    /**
     * A sentence inside a quotation is part of what the text quotes: a worksheet that quotes a whole ad was read from
     * the ad's last sentence, its domain and handle, alone, and filed as spam.
     */
    @Test
    void aSentenceInsideAQuotationIsNoTail() {
        String worksheet = "Phiếu học tập số 2: đọc tin nhắn sau và chỉ ra các dấu hiệu của quảng cáo cờ bạc: “Tặng 200% lần nạp đầu. "
                + "Rút tiền 24/7 không giới hạn. Đăng ký ngay tại vua168vn.top, CSKH Telegram @vua168_hotro”.";
        assertThat(Tails.starts(worksheet)).isEmpty();
        // After the quotation closes, a sentence is a tail again.
        String after = "Con kể có tin nhắn “Tặng 200% lần nạp đầu. Rút tiền 24/7 không giới hạn.” ở nhóm lớp. " + AD;
        assertThat(Arrays.stream(Tails.starts(after)).mapToObj(after::substring)).containsExactly(AD);
    }

    @Test
    void aNamesInitialDoesNotEndASentence() {
        String news = "Tòa án huyện Gia Lâm xử Trần Văn M. 30 tháng tù về tội Đánh bạc, vì M. đã đặt cược hơn 90 triệu đồng "
                + "qua trang 'kingbet-pro' trong mùa giải.";
        assertThat(Tails.starts(news)).isEmpty();
        String quoted = "Chị H. cho biết con chị nhận tin nhắn mời chơi. Ai cần vay gấp 5 triệu qua app thì nhắn mình nhé, duyệt nhanh.";
        assertThat(Arrays.stream(Tails.starts(quoted)).mapToObj(quoted::substring)).containsExactly(quoted.substring(quoted.indexOf("Ai")));
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
