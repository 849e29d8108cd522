package vn.schoolguard.internal.moderation;

import java.security.SecureRandom;

/**
 * Receipt codes such as {@code K7M2-X9QD}: 40 random bits in Crockford's base32 (no I, L, O, U), easy to read
 * out over the phone and hard to guess.
 */
final class ReceiptCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ReceiptCodes() {
    }

    static String next() {
        StringBuilder code = new StringBuilder(9);
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
