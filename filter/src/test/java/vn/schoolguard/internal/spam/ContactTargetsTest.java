package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Masked numbers and disguised Telegram links on folded text, with edges and floods. */
class ContactTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"goi 0388xxx519", "0973.xxx.686", "zalo: 0387 xx 5656", "0912-xxx-xxx", "84912 xxx 519",
            "(0388xxx519)"})
    void aMobileNumberWithDigitsHiddenIsFound(String folded) {
        assertThat(ContactTargets.maskedPhone(folded)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xx", "xxxxxxxxxxxx", "nam 20xx", "09xx", "ma de xxx, diem 8.5", "so nha 12 xx pho hue",
            "0388xxx519abc", "abc0388xxx519", "0388xxx5191234567", "1388xxx519", "0388  xxx  519", "lop 10a1 xx"})
    void digitsAndXsThatAreNotAMaskedMobileNumberAreNot(String folded) {
        assertThat(ContactTargets.maskedPhone(folded)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"t.me/keo", "vao t . m e / k e o", "t[.]me/keo", "t(.)me/keo", "t cham me/keo", "t.me /keo",
            "(t.me/keo)"})
    void aTelegramLinkWithItsDotDisguisedIsFound(String folded) {
        assertThat(ContactTargets.telegramLink(folded)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "me/", "tme/keo", "dat, me/con", "bat.me/x", "12/10 t me", "t m e /", "t........me/"})
    void slashesThatAreNotATelegramLinkAreNot(String folded) {
        assertThat(ContactTargets.telegramLink(folded)).isFalse();
    }

    @Test
    void floodsOfTheCharactersLookedForAreReadOnce() {
        String xs = "x".repeat(200_000);
        String slashes = "/".repeat(200_000);
        String spaced = "t . m e ".repeat(20_000) + "/";
        assertThat(ContactTargets.maskedPhone(xs)).isFalse();
        assertThat(ContactTargets.maskedPhone("0388 " + xs)).isFalse();
        assertThat(ContactTargets.maskedPhone(("0388xxx519 ").repeat(10_000))).isTrue();
        assertThat(ContactTargets.telegramLink(slashes)).isFalse();
        assertThat(ContactTargets.telegramLink(spaced)).isTrue();
        assertThat(ContactTargets.telegramLink(" me/".repeat(50_000))).isFalse();
        assertThat(ContactTargets.invisibleDot("\u200b".repeat(200_000))).isFalse();
        assertThat(ContactTargets.invisibleDot("abcdef\u200b".repeat(30_000))).isFalse();
        assertThat(ContactTargets.invisibleDot("a".repeat(200_000) + "\u200bcom")).isFalse();
        assertThat(ContactTargets.invisibleDot("abc\u200bcom ".repeat(20_000))).isTrue();
        assertThat(ContactTargets.leetTld(".".repeat(200_000))).isFalse();
        assertThat(ContactTargets.leetTld("ab.c0".repeat(40_000))).isFalse();
        assertThat(ContactTargets.leetTld("ab.".repeat(60_000) + "c0m")).isTrue();
        assertThat(ContactTargets.zaloLink("zalo.me/ ".repeat(30_000))).isFalse();
        assertThat(ContactTargets.zaloLink("xzalo.me/abc ".repeat(20_000) + "zalo.me/g/x")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"thienphu86\u200bcom", "vao kimsu88\u200b\u200bclub nhe", "ABC\u2060NET", "win\u00adbet"})
    void anInvisibleCharacterForTheDotStillNamesADomain(String visible) {
        assertThat(ContactTargets.invisibleDot(visible)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nhà\u200bcái", "cơm\u200bcom", "ab\u200bcom", "abc\u200bcomx", "abc\u200bvn", "abc com", "x-abc\u200bcom"})
    void invisibleCharactersInsideWordsNameNoDomain(String visible) {
        assertThat(ContactTargets.invisibleDot(visible)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"th13nphu86.c0m", "vao luckyvip.n3t nha", "kimsu.v1p/", "ab.1nf0"})
    void digitsForTheLettersOfATopLevelDomainStillNameADomain(String folded) {
        assertThat(ContactTargets.leetTld(folded)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.c0m", "2.0m", "abc.com", "abc.c0mx", "v1.0", "lop 12a1.c0", "diem 8.5", "a.c0m", "abc.0000"})
    void numbersAroundDotsNameNoDomain(String folded) {
        assertThat(ContactTargets.leetTld(folded)).isFalse();
    }
}
