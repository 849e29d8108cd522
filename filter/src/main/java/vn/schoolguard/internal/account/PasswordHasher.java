package vn.schoolguard.internal.account;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;


/**
 * Slow password hashing with PBKDF2-HMAC-SHA512 (OWASP's 210,000 iterations), in the self-describing
 * form {@code pbkdf2-sha512$iterations$salt$hash} so the work factor can be raised later.
 */
// Security-critical: review changes with care.
public final class PasswordHasher {

    static final int ITERATIONS = 210_000;
    private static final String PREFIX = "pbkdf2-sha512";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;

    public PasswordHasher() {
        this(ITERATIONS);
    }

    /** A hasher with another work factor (tests use a small one to stay fast). */
    public PasswordHasher(int iterations) {
        this.iterations = iterations;
    }

    public String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Whether a password matches a stored hash; false for a malformed hash. Constant-time comparison. */
    public boolean matches(String password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(derive(password, salt, storedIterations), expected);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A hash to compare against when the account does not exist, so timing does not reveal which names exist. */
    public String decoy() {
        return PREFIX + "$" + iterations + "$AAAAAAAAAAAAAAAAAAAAAA$" + Base64.getEncoder().withoutPadding().encodeToString(new byte[64]);
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 512);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is not available", e);
        } finally {
            spec.clearPassword();
        }
    }


    /** A random URL-safe token with 256 bits of entropy. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
