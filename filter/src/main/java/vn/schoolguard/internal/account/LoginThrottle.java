package vn.schoolguard.internal.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Counts failed sign-ins per (typed name, client address) pair, per address and per typed name, and says when
 * an attempt must wait.
 *
 * <p>The pair and the address are refused for a while after too many failures (the wait doubles with each
 * further failure, up to the lockout); the name alone is never refused, only slowed down by a bounded delay,
 * so an attacker elsewhere cannot lock the owner out. Everything is keyed on the name as typed, never on
 * whether such an account exists, so unknown and known names are treated alike. Counts live in memory on
 * each node. Thread-safe.
 */
// Security-critical: decides who may try a password, and how soon.
final class LoginThrottle {

    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    private static final Duration FIRST_DELAY = Duration.ofMillis(250);
    private static final int MAX_NAME_CHARS = 128;
    /** One address may try several names; it gets this many times the failures one pair gets. */
    static final int ADDRESS_FACTOR = 4;

    /** Failures and the wait they earned, for one key. */
    private static final class Count {
        private int failures;
        private Instant lockedUntil = Instant.MIN;

        synchronized Optional<Duration> remaining(Instant now) {
            return now.isBefore(lockedUntil) ? Optional.of(Duration.between(now, lockedUntil)) : Optional.empty();
        }

        synchronized int fail(Instant now, int threshold, Duration lockout) {
            failures++;
            if (failures >= threshold) {
                int doublings = Math.min(20, failures - threshold);
                Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
                lockedUntil = now.plus(wait.compareTo(lockout) > 0 ? lockout : wait);
            }
            return failures;
        }

        synchronized int failures() {
            return failures;
        }
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Duration maxDelay;
    private final Cache<String, Count> pairs;
    private final Cache<String, Count> addresses;
    private final Cache<String, Count> names;

    LoginThrottle(int maxFailures, Duration lockout, Duration maxDelay) {
        this.maxFailures = maxFailures;
        this.lockout = lockout;
        this.maxDelay = maxDelay;
        this.pairs = cache(lockout);
        this.addresses = cache(lockout);
        this.names = cache(lockout);
    }

    private static Cache<String, Count> cache(Duration lockout) {
        // Forget a key once it has been quiet for twice the lockout: its wait is over by then.
        return Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(lockout.multipliedBy(2)).build();
    }

    /** How long this attempt must wait before it may be checked at all; empty when it may go ahead. */
    Optional<Duration> refusal(String name, String clientIp, Instant now) {
        Optional<Duration> pair = remaining(pairs, pairKey(name, clientIp), now);
        Optional<Duration> address = remaining(addresses, clientIp, now);
        if (pair.isPresent() && address.isPresent()) {
            return Optional.of(pair.get().compareTo(address.get()) > 0 ? pair.get() : address.get());
        }
        return pair.isPresent() ? pair : address;
    }

    /**
     * The delay before checking a password for this name: none until the name has had
     * {@code maxFailures * 4} failures from anywhere, then doubling from 250 ms up to the configured bound.
     */
    Duration delay(String name) {
        Count count = names.getIfPresent(nameKey(name));
        int over = count == null ? -1 : count.failures() - maxFailures * ADDRESS_FACTOR;
        if (over < 0 || maxDelay.isZero()) {
            return Duration.ZERO;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << Math.min(20, over));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** Records a failed attempt; returns the failures of the pair so far. */
    int failure(String name, String clientIp, Instant now) {
        addresses.get(clientIp, k -> new Count()).fail(now, maxFailures * ADDRESS_FACTOR, lockout);
        // The name alone is never locked (threshold out of reach): it only feeds the delay.
        names.get(nameKey(name), k -> new Count()).fail(now, Integer.MAX_VALUE, lockout);
        return pairs.get(pairKey(name, clientIp), k -> new Count()).fail(now, maxFailures, lockout);
    }

    /** A correct password clears its own pair; the address and the name keep their counts. */
    void success(String name, String clientIp) {
        pairs.invalidate(pairKey(name, clientIp));
    }

    private static Optional<Duration> remaining(Cache<String, Count> cache, String key, Instant now) {
        Count count = cache.getIfPresent(key);
        return count == null ? Optional.empty() : count.remaining(now);
    }

    private static String pairKey(String name, String clientIp) {
        return nameKey(name) + "\u0000" + clientIp;
    }

    private static String nameKey(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        return key.length() > MAX_NAME_CHARS ? key.substring(0, MAX_NAME_CHARS) : key;
    }
}
