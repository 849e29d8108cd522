package vn.schoolguard.internal.spam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The disguised contacts of {@link ContactTargets} and {@link PhoneTargets}, found and not found, in
 * {@code spam/contact-targets.csv} (folded text, made a word view for spelled-out numbers, or visible text for invisible
 * dots; {@code \\uXXXX} stands for the character), and floods of each.
 */
class ContactTargetsTest {

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvFileSource(resources = "/spam/contact-targets.csv", delimiter = '|', numLinesToSkip = 1)
    void disguisedContactsAreFoundAndLookalikesAreNot(String check, boolean found, String text) {
        String input = BoundedScoringTest.unescape(text == null ? "" : text);
        boolean result = switch (check) {
            case "maskedPhone" -> PhoneTargets.maskedPhone(input);
            case "spelledPhone" -> PhoneTargets.spelledPhone(TextNormalizer.words(input));
            case "telegramLink" -> ContactTargets.telegramLink(input);
            case "zaloLink" -> ContactTargets.zaloLink(input);
            case "invisibleDot" -> ContactTargets.invisibleDot(input);
            case "leetTld" -> ContactTargets.leetTld(input);
            default -> throw new IllegalArgumentException("unknown check " + check);
        };
        assertThat(result).isEqualTo(found);
    }

    @Test
    void floodsOfTheCharactersLookedForAreReadOnce() {
        String xs = "x".repeat(200_000);
        String slashes = "/".repeat(200_000);
        String spaced = "t . m e ".repeat(20_000) + "/";
        assertThat(PhoneTargets.maskedPhone(xs)).isFalse();
        assertThat(PhoneTargets.maskedPhone("0388 " + xs)).isFalse();
        assertThat(PhoneTargets.maskedPhone(("0388xxx519 ").repeat(10_000))).isTrue();
        assertThat(PhoneTargets.maskedPhone("0 x ".repeat(100_000))).isFalse();
        assertThat(PhoneTargets.maskedPhone("0 * ".repeat(100_000) + "nhe 0 9 0 9 x x x 4 1 7")).isTrue();
        assertThat(PhoneTargets.spelledPhone(" khong".repeat(100_000) + " ")).isFalse();
        assertThat(PhoneTargets.spelledPhone(" khong mot hai ba".repeat(50_000) + " ")).isFalse();
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
}
