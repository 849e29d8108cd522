package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private static String words(String text) {
        return TextNormalizer.words(TextNormalizer.fold(text)).trim();
    }

    @Test
    void toneMarksAndDStrokeFoldSoSwappedAndStrippedTonesMatch() {
        assertThat(words("Nổ Hũ")).isEqualTo("no hu");
        assertThat(words("nỗ hủ")).isEqualTo("no hu");
        assertThat(words("nha cai uy tin")).isEqualTo(words("Nhà cái uy tín"));
        assertThat(words("Đổi thưởng")).isEqualTo("doi thuong");
    }

    @Test
    void oldAndNewTonePlacementAndDecomposedAccentsAgree() {
        assertThat(words("hoà")).isEqualTo(words("hòa"));
        assertThat(words("thuý")).isEqualTo(words("thúy"));
        assertThat(words(Normalizer.normalize("nhà cái", Normalizer.Form.NFD))).isEqualTo("nha cai");
    }

    @Test
    void zeroWidthAndBidiControlsDisappear() {
        assertThat(words("n\u200Bh\u200Cà\u200D c\u2060á\uFEFFi\u00AD \u202Euy\u202C tín\u2066")).isEqualTo("nha cai uy tin");
        assertThat(words("nhà\u3164cái")).isEqualTo("nhacai");
    }

    @Test
    void lookalikeLettersOfOtherScriptsAndStyledLettersFoldToLatin() {
        assertThat(words("Nhà сáі")).isEqualTo("nha cai");          // Cyrillic с and і
        assertThat(words("ɡο88")).isEqualTo("go88");               // Latin script g, Greek omicron
        assertThat(words("ｇｏ８８")).isEqualTo("go88");            // fullwidth
        assertThat(words("𝐠𝐨𝟖𝟖 𝗏𝗂𝗉")).isEqualTo("go88 vip");   // mathematical bold and sans-serif
    }

    @Test
    void singleLettersAreJoinedAndRunTogetherTextIsCompacted() {
        assertThat(TextNormalizer.joined(" vào k u w i n ngay ")).isEqualTo(" vào kuwin ngay ");
        assertThat(TextNormalizer.compact(TextNormalizer.fold("nhà cái-uy.tín"))).isEqualTo("nhacaiuytin");
    }

    @Test
    void spacedAndSpelledDomainsAreReassembled() {
        assertThat(Analysis.of("vào go88 chấm vip nhé").spelledDomains).containsExactly("go88.vip");
        assertThat(Analysis.of("link: go88 info").spelledDomains).containsExactly("go88.info");
        assertThat(Analysis.of("k u w i n . c o m").spelledDomains).containsExactly("kuwin.com");
        assertThat(Analysis.of("fb88[.]vip và fb88(.)club").spelledDomains).containsExactly("fb88.vip", "fb88.club");
        assertThat(Analysis.of("xem go88.vip").spelledDomains).isEmpty();
        assertThat(Analysis.of("xem go88.vip").textDomains).containsExactly("go88.vip");
    }

    @Test
    void sentencesEndingBeforeAShortWordAreNotDomains() {
        assertThat(Analysis.of("Em cảm ơn thầy. Cô ơi cho em hỏi. Me too. Lớp 10. Top đầu").textDomains).isEmpty();
    }

    @Test
    void undecodableCharactersAreCounted() {
        assertThat(TextNormalizer.badCharacters("a\uFFFDb\uD800c\uDC00d\uD83D\uDE00")).isEqualTo(3);
    }

    @Test
    void stableFoldIgnoresLookalikeTablesSoFingerprintsDoNotDependOnTheIcuVersion() {
        assertThat(TextNormalizer.stableFold("ΝΗΑ")).isEqualTo("νηα");
        assertThat(TextNormalizer.fold("ΝΗΑ")).isNotEqualTo("νηα");
    }
}
