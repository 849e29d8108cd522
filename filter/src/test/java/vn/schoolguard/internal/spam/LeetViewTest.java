package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Digits read as letters only inside words that mix both; spelled-out runs joined for the phrase scan. */
class LeetViewTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            " nh4 c41 uy tin | ' nha cai uy tin '",
            " v1p 7ruc ti3p | ' vip truc tiep '",
            " ch07 50 hom nay | ' chot 50 hom nay '",
            " g14i n94n nhanh | ' giai ngan nhanh '",
            " lop 10a3 nam 2024 | ' lop ioae nam 2024 '",
            " goi 0912 345 678 | null",
            " khong co so nao | null"})
    void digitsBecomeLettersInMixedWordsOnly(String words, String expected) {
        assertThat(LeetView.of(" " + words.strip() + " ")).isEqualTo(expected == null ? null : expected);
    }

    @Test
    void onlyTheWordsAroundAMixedWordAreKept() {
        String words = " a1 w w w w w w w w w w w w b2 ";
        assertThat(LeetView.of(words)).isEqualTo(" ai w w w w w \n w w w w w bz ");
        assertThat(LeetView.of(" x1 w w w w w w w w w w y2 ")).as("windows that touch are one")
                .isEqualTo(" xi w w w w w w w w w w yz ");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "V.a.y bằng sim, g.i.ả.i n.g.â.n nhanh | vay,giaingan",
            "k u w i n club | kuwin",
            "lớp 1 a và 2 b | 1a,2b",
            "không có chữ rời | ''",
            "a | ''"})
    void spelledOutRunsAreJoinedOnePerLine(String text, String expected) {
        String runs = PhraseIndex.spelledOut(TextNormalizer.words(TextNormalizer.fold(text))).strip().replace('\n', ',');
        assertThat(runs).isEqualTo(expected);
    }
}
