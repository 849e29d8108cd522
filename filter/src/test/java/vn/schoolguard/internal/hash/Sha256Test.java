package vn.schoolguard.internal.hash;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.junit.jupiter.api.Test;

/** SHA-256 against the FIPS 180-2 test vectors and as UTF-8 for text. */
class Sha256Test {

    @Test
    void standardVectors() {
        assertThat(Sha256.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Sha256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void textIsHashedAsUtf8AndBytesAsTheyAre() {
        String text = "Đà Nẵng\u0000\uD83D\uDE00";
        assertThat(Sha256.hex(text)).isEqualTo(Sha256.hex(text.getBytes(StandardCharsets.UTF_8)));
        assertThat(Sha256.digest(text)).isEqualTo(Sha256.digest(text.getBytes(StandardCharsets.UTF_8))).hasSize(32);
        assertThat(Sha256.hex(new byte[] {(byte) 0xff})).isNotEqualTo(Sha256.hex("\u00ff"));
    }

    @Test
    void aFreshDigestPerCallAndPlainHex() {
        MessageDigest one = Sha256.newDigest();
        one.update("ab".getBytes(StandardCharsets.US_ASCII));
        MessageDigest two = Sha256.newDigest();
        two.update("c".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.toHex(two.digest())).isEqualTo(Sha256.hex("c"));
        one.update("c".getBytes(StandardCharsets.US_ASCII));
        assertThat(Sha256.toHex(one.digest())).isEqualTo(Sha256.hex("abc"));
        assertThat(Sha256.toHex(new byte[] {0, 15, (byte) 0xa0, (byte) 0xff})).isEqualTo("000fa0ff");
    }
}
