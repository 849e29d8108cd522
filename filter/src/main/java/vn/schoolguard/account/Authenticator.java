package vn.schoolguard.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import vn.schoolguard.log.Log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import vn.schoolguard.web.ConsoleSettings;

/**
 * Checks built-in console credentials, with throttling per account and per client address.
 *
 * <p>A verified password is remembered (as a hash, for five minutes, against the stored hash it matched)
 * so that scripts using HTTP Basic do not pay the slow KDF on every call; a password change invalidates
 * it at once because the stored hash changes.
 */
// Security-critical: login throttling and credential checks.
public final class Authenticator {

    private static final Log LOG = Log.get(Authenticator.class);
    private static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    /** The outcome of a login attempt. */
    public sealed interface Result permits Success, Failure, Locked {
    }

    /** The user may proceed. */
    public record Success(ConsoleUser user) implements Result {
    }

    /** Unknown account, wrong password or disabled account: the same answer for all three. */
    public record Failure() implements Result {
    }

    /** Too many failures: try again after {@code retryAfter}. */
    public record Locked(Duration retryAfter) implements Result {
    }

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final ConsoleSettings settings;
    private final Clock clock;
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();
    private final Cache<String, AtomicInteger> failuresByAddress;

    public Authenticator(AccountStore accounts, PasswordHasher hasher, ConsoleSettings settings, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.failuresByAddress = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterWrite(settings.lockout()).build();
    }

    public Result login(String username, String password, String clientIp) {
        String name = username == null ? "" : username.trim();
        AtomicInteger addressFailures = failuresByAddress.getIfPresent(clientIp);
        // One address may try several accounts; allow it a few times more failures than one account gets.
        if (addressFailures != null && addressFailures.get() >= settings.maxLoginFailures() * 4) {
            return new Locked(settings.lockout());
        }
        Optional<Account> account = name.isEmpty() ? Optional.empty() : accounts.find(name);
        Instant now = clock.instant();
        if (account.isPresent() && account.get().lockedUntil() != null && now.isBefore(account.get().lockedUntil())) {
            return new Locked(Duration.between(now, account.get().lockedUntil()));
        }
        String cacheKey = PasswordHasher.sha256(name + "\u0000" + password);
        boolean matches;
        if (account.isPresent()) {
            String stored = account.get().passwordHash();
            matches = stored.equals(verified.getIfPresent(cacheKey)) || hasher.matches(password, stored);
            if (matches) {
                verified.put(cacheKey, stored);
            }
        } else {
            hasher.matches(password, hasher.decoy());
            matches = false;
        }
        if (matches && !account.get().disabled()) {
            if (account.get().failedLogins() > 0) {
                accounts.recordSuccess(name);
            }
            return new Success(new ConsoleUser(name, account.get().roles(), false));
        }
        failuresByAddress.get(clientIp, k -> new AtomicInteger()).incrementAndGet();
        if (account.isPresent()) {
            int failures = account.get().failedLogins() + 1;
            Instant lockUntil = null;
            if (failures >= settings.maxLoginFailures()) {
                // Each further failure doubles the wait, up to the configured lockout.
                int doublings = Math.min(20, failures - settings.maxLoginFailures());
                Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
                lockUntil = now.plus(wait.compareTo(settings.lockout()) > 0 ? settings.lockout() : wait);
                LOG.warn("Console account '{}' locked until {} after {} failed logins (last from {})", name, lockUntil, failures, clientIp);
            }
            accounts.recordFailure(name, lockUntil);
        }
        return new Failure();
    }

    /** Creates or resets the seeded accounts from the configuration. */
    public void seed() {
        if (settings.seedAccounts().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        settings.seedAccounts().forEach((name, roles) -> {
            Optional<Account> existing = accounts.find(name);
            if (existing.isEmpty() || settings.seedReset()) {
                accounts.upsert(name, hasher.hash(settings.seedPassword()), Set.copyOf(roles), now);
                LOG.info("Console account '{}' {} with roles {}", name, existing.isEmpty() ? "created" : "reset", roles);
            }
        });
    }
}
