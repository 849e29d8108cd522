package vn.schoolguard.internal.moderation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import vn.schoolguard.internal.hash.Sha256;

/**
 * Signed, single-use replay tokens. A token is {@code v1.<submission id>.<nonce>.<expiry>.<mac>}, the MAC an
 * HMAC-SHA256 under a random key made for this filter instance over the id, nonce, expiry, method, path, query
 * string and a SHA-256 of the body; so a token cannot be forged, moved to another request, or used after it
 * expires, and since the nonce is remembered until then, it cannot be used twice. Only this process can
 * issue or check tokens: that is what a loopback replay needs. Thread-safe.
 */
// Security-critical: a valid token makes a request the poster's, past moderation.
public final class ReplayTokens {

    /** The request header that carries the token. */
    public static final String HEADER = "X-SchoolGuard-Replay";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;
    /** Issued tokens by nonce until they expire; a used one no longer holds its grant. */
    private final Map<String, Issued> nonces = new ConcurrentHashMap<>();

    /** What a verified token grants: the poster's submission to restore. */
    public record Grant(Submission submission, SessionValues session) {
    }

    /** A token's request: what its MAC covers. */
    public record Target(String method, String path, String query, byte[] body) {
    }

    private record Issued(Instant expiry, Grant grant) {
    }

    public ReplayTokens(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        random.nextBytes(key);
    }

    /** A new token for one replay of a submission to exactly this request. */
    public String issue(Grant grant, Target target) {
        purge();
        byte[] nonceBytes = new byte[18];
        random.nextBytes(nonceBytes);
        String nonce = B64.encodeToString(nonceBytes);
        long expiry = clock.instant().plus(lifetime).getEpochSecond();
        long id = grant.submission().id();
        nonces.put(nonce, new Issued(Instant.ofEpochSecond(expiry), grant));
        return "v1." + id + "." + nonce + "." + expiry + "." + mac(id, nonce, expiry, target);
    }

    /**
     * Checks a token against the request that carries it and uses it up.
     *
     * @return the grant, or empty with {@code why} set to the reason it was refused
     */
    public Optional<Grant> redeem(String token, String method, String path, String query, byte[] body, StringBuilder why) {
        String[] parts = token == null ? new String[0] : token.trim().split("\\.", -1);
        if (parts.length != 5 || !parts[0].equals("v1")) {
            why.append("malformed replay token");
            return Optional.empty();
        }
        long id;
        long expiry;
        try {
            id = Long.parseLong(parts[1]);
            expiry = Long.parseLong(parts[3]);
        } catch (NumberFormatException e) {
            why.append("malformed replay token");
            return Optional.empty();
        }
        String expected = mac(id, parts[2], expiry, new Target(method, path, query, body));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[4].getBytes(StandardCharsets.US_ASCII))) {
            why.append("replay token signature does not match this request (forged, from another process, or the request was altered)");
            return Optional.empty();
        }
        if (clock.instant().getEpochSecond() > expiry) {
            why.append("replay token for submission ").append(id).append(" expired");
            return Optional.empty();
        }
        Issued[] taken = new Issued[1];
        // Atomically: the first use takes the grant; the used nonce stays (without it) until expiry, so a second use is refused.
        nonces.computeIfPresent(parts[2], (nonce, issued) -> {
            if (issued.grant() != null) {
                taken[0] = issued;
            }
            return new Issued(issued.expiry(), null);
        });
        if (taken[0] == null || taken[0].grant().submission().id() != id) {
            why.append("replay token for submission ").append(id).append(" was already used");
            return Optional.empty();
        }
        return Optional.of(taken[0].grant());
    }

    /** Forgets a token that was never sent (the connection failed). */
    public void discard(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length == 5) {
            nonces.remove(parts[2]);
        }
    }

    private void purge() {
        Instant now = clock.instant();
        nonces.values().removeIf(i -> i.expiry().isBefore(now));
    }

    private String mac(long id, String nonce, long expiry, Target target) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            String text = String.join("\n", "v1", String.valueOf(id), nonce, String.valueOf(expiry), target.method(),
                    target.path(), target.query() == null ? "" : target.query(), Sha256.hex(target.body()));
            return B64.encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
