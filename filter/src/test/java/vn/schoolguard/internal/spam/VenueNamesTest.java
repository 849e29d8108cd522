package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Venue names found in the visible text; the whole structure's view of them is in {@code spam/targets.csv}. */
class VenueNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gõ Sen Vàng 99 là ra", "vào Lotus 86 cá cược", "KÈO XANH 68 – tỷ lệ cao", "đại lý Win668",
            "nhà cái BetKha", "v40 g04lv4ng88 ch0t ng4y", "sàn Gà Chiến Miền Tây", "Thần Tài 368 trả thưởng", "chơi ở MAX VINA 77 đi",
            "DaGaTrucTiep hôm nay", "gA cHiEn MiEn TaY", "KeO vAnG cA cUoC", "vào Kim-Cương 79"})
    void namesToSearchForAreVenues(String visible) {
        assertThat(VenueNames.named(visible)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lớp 12 đi tham quan", "Cần 20 bạn tình nguyện", "Giải Nhì 500 nghìn", "Vòng 12 V-League",
            "Euro 2024", "World Cup 2026 sắp tới", "ngày 20/11", "lúc 10:30", "Hà Nội 32 độ", "học iPhone 15",
            "Tôi dùng TikTok", "sàn nhà sạch", "Kênh Xà No", "máy Casio 580", "lớp GDTX 11", "KT-0342", "Toan 12",
            "U23 Việt Nam", "B52", "9A5", "lop10a1", "h0m n4y 10", "iPad và MoMo", "nhóm 5 bạn", "tiết 3 và tiết 4", "Grade 10 class", ""})
    void countsCodesAndEverydayNamesAreNot(String visible) {
        assertThat(VenueNames.named(visible)).isFalse();
    }

    /** A name spelled out letter by letter, in look-alike letters or with invisible characters is still a name. */
    @ParameterizedTest
    @ValueSource(strings = {"L u x m a r a   C l u b – c a s i n o   l i v e", "R.o.y.a.l.M.a.x – sòng bài online",
            "R.u.b.y C.l.u.b – c.a.s.i.n.o uy tín", "\u0412\u041eNG79 – sân chơi cá cược", "S\u200be\u200bn V\u200bà\u200bng 99 quay là trúng",
            "Ruby Club – casino uy tín", "vô GÀ THOMO VIP đặt lẹ nha", "xem ở Royal Casino mỗi tối",
            "ghé sới gà Ông Tư Lò Gạch nha", "đá gà trực tiếp tại trường gà Cây Dừa",
            "tui coi trên kênh Sới Cửa Lò mà mê", "xem đá gà ở Sới Hoàng Gia Live nhé", "xem trực tiếp ở Trường gà Ông Tư",
            "ghé SỚI GÀ BẾN TRE coi", "cứ Sòng Ông Tư mà chơi"})
    void disguisedAndSuffixedNamesAreVenues(String visible) {
        assertThat(VenueNames.named(visible)).isTrue();
    }

    /** What schools write the same way: a school club, a heading in spaced capitals, a town after a preposition. */
    @ParameterizedTest
    @ValueSource(strings = {"English Club của trường tuyển thành viên", "Câu lạc bộ Robotics Club thi đấu", "T H Ô N G   B Á O",
            "Đ Ề   C Ư Ơ N G   Ô N   T Ậ P", "đi học ở Cần Thơ", "A, B, C hay D?", "chọn a. b. c. hoặc d.",
            "Lớp 9 A 1 và 9 A 2", "VIP", "hạng VIP của thư viện", "Book Club lớp 7",
            "Cuộc thi Đấu trường Toán học", "Trường THCS Lê Lợi", "ăn nói sòng phẳng", "Sòng phẳng với nhau"})
    void clubsHeadingsAndPlacesAreNot(String visible) {
        assertThat(VenueNames.named(visible)).isFalse();
    }

    @Test
    void floodsAreReadInOnePass() {
        assertThat(VenueNames.named("Kim Cương ".repeat(40_000))).isFalse();
        assertThat(VenueNames.named("a ".repeat(200_000))).isFalse();
        assertThat(VenueNames.named(" - ".repeat(100_000))).isFalse();
        assertThat(VenueNames.named("Lớp 12 ".repeat(40_000) + "vào Sen Vàng 99")).isTrue();
        assertThat(VenueNames.named("sàn ".repeat(50_000))).isFalse();
        assertThat(VenueNames.named("a.".repeat(100_000))).isFalse();
        assertThat(VenueNames.named("R u b y ".repeat(25_000) + "C l u b")).isTrue();
    }
}
