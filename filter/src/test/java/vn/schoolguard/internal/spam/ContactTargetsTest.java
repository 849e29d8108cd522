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
    }
}
