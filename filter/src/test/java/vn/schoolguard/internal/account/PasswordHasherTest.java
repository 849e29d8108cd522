package vn.schoolguard.internal.account;

import vn.schoolguard.internal.hash.Sha256;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PBKDF2 hashes: round trip, salt, the self-describing form, and stored hashes that are not hashes. */
class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @ParameterizedTest
    @ValueSource(strings = {"Correct horse 9", "mật-khẩu-tiếng-Việt", "😀😀😀😀😀😀😀😀", " leading and trailing ", "a\u0000b\u0000c"})
    void aHashMatchesItsPasswordAndNoOther(String password) {
        String stored = hasher.hash(password);
        assertThat(hasher.matches(password, stored)).isTrue();
        assertThat(hasher.matches(password + "x", stored)).isFalse();
        assertThat(hasher.matches(password.trim().isEmpty() ? "x" : password.substring(1), stored)).isFalse();
        assertThat(hasher.matches("", stored)).isFalse();
    }

    @Test
    void eachHashHasItsOwnSaltAndNamesItsWorkFactor() {
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            hashes.add(hasher.hash("same password"));
        }
        assertThat(hashes).hasSize(20);
        assertThat(hashes).allSatisfy(hash -> assertThat(hash).matches("pbkdf2-sha512\\$1000\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{86}"));
    }

    @Test
    void aHashMadeWithAnotherWorkFactorStillMatches() {
        String older = new PasswordHasher(500).hash("raised later");
        assertThat(hasher.matches("raised later", older)).isTrue();
    }

    @Test
    void theDefaultWorkFactorIsOwaspsRecommendation() {
        assertThat(PasswordHasher.ITERATIONS).isGreaterThanOrEqualTo(210_000);
    }

    @Test
    void theDecoyMatchesNothing() {
        assertThat(hasher.matches("", hasher.decoy())).isFalse();
        assertThat(hasher.matches("password", hasher.decoy())).isFalse();
    }

    static List<String> malformed() throws IOException {
        try (InputStream in = PasswordHasherTest.class.getResourceAsStream("/account/malformed-hashes.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("#"))
                    .map(line -> line.equals("<empty>") ? "" : line).toList();
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @MethodSource("malformed")
    void aMalformedStoredHashNeverMatchesAndNeverThrows(String stored) {
        assertThat(hasher.matches("", stored)).isFalse();
        assertThat(hasher.matches("password", stored)).isFalse();
        assertThat(hasher.matches(stored, stored)).isFalse();
    }

    @Test
    void tokensAreLongRandomAndUrlSafe() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String token = PasswordHasher.randomToken();
            assertThat(token).matches("[A-Za-z0-9_-]{43}");
            tokens.add(token);
        }
        assertThat(tokens).hasSize(1_000);
    }

    @Test
    void sha256IsTheStandardDigestInHex() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
