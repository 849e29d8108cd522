package vn.schoolguard.internal.account;

import java.util.Optional;

/**
 * The one rule for console passwords: a length, and no control characters. The console's accounts page, the command line
 * ({@code users add}, {@code users passwd}) and the seeded accounts ({@code accounts.seed-password}) all check it
 * here, so the documented rule is the rule everywhere. Lengths count Unicode code points, so a Vietnamese letter
 * with its tone mark counts once however it is encoded.
 */
// Security-critical: the floor of every console password.
public final class PasswordPolicy {

    /** The shortest password accepted: 8 characters. */
    public static final int MIN_LENGTH = 8;
    /** The longest password accepted (PBKDF2 work grows with the length). */
    public static final int MAX_LENGTH = 200;

    private PasswordPolicy() {
    }

    /** The password's length in characters (code points); 0 for null. */
    public static int length(String password) {
        return password == null ? 0 : password.codePointCount(0, password.length());
    }

    /** Whether the password has an accepted length and no control character. */
    public static boolean acceptable(String password) {
        int length = length(password);
        return length >= MIN_LENGTH && length <= MAX_LENGTH && !hasControl(password);
    }

    /**
     * Whether {@code text} holds a control character (NUL, a line break, DEL…). PBKDF2 keys HMAC with the password,
     * and HMAC pads its key with zero bytes, so "password" and "password" + NUL would be one password.
     */
    public static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    /** What is wrong with the password, in English, or empty when it is acceptable; never includes the password. */
    public static Optional<String> problem(String password) {
        int length = length(password);
        if (length == 0) {
            return Optional.of("the password is empty; a console password needs at least " + MIN_LENGTH + " characters");
        }
        if (length < MIN_LENGTH) {
            return Optional.of("the password is too short: a console password needs at least " + MIN_LENGTH
                    + " characters, this one has " + length);
        }
        if (length > MAX_LENGTH) {
            return Optional.of("the password is too long: at most " + MAX_LENGTH + " characters, this one has " + length);
        }
        if (hasControl(password)) {
            return Optional.of("the password has a control character (such as NUL, a tab or a line break);"
                    + " use letters, digits, spaces and punctuation");
        }
        return Optional.empty();
    }
}
