package vn.schoolguard.internal.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.log.Log;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;


/**
 * Checks built-in console credentials, throttled by {@link LoginThrottle}: per (name, address) pair and per
 * address an attempt is refused for a while after too many failures; per name it is only slowed down, so
 * nobody can lock the owner out from another address. Unknown names, wrong passwords and disabled accounts
 * get the same answer after the same work (the KDF runs against a decoy hash for unknown names).
 *
 * <p>A verified password is remembered (as a hash, for five minutes, against the stored hash it matched)
 * so that scripts using HTTP Basic do not pay the slow KDF on every call; a password change invalidates
 * it at once because the stored hash changes. Thread-safe.
 */
// Security-critical: login throttling and credential checks.
public final class Authenticator {

    private static final Log LOG = Log.get(Authenticator.class);

    /** The outcome of a login attempt. */
    public sealed interface Result permits Success, Failure, Locked {
    }

    /** The user may proceed. */
    public record Success(ConsoleUser user) implements Result {
    }

    /** Unknown account, wrong password or disabled account: the same answer for all three. */
    public record Failure() implements Result {
    }

    /** Too many failures from this address (for this name or in all): try again after {@code retryAfter}. */
    public record Locked(Duration retryAfter) implements Result {
    }

    /** Waits before a password is checked; tests replace it to record the delay instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration delay);
    }

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final AccountSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final LoginThrottle throttle;
    private final Cache<String, String> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    public Authenticator(AccountStore accounts, PasswordHasher hasher, AccountSettings settings, Clock clock) {
        this(accounts, hasher, settings, clock, Authenticator::sleep);
    }

    public Authenticator(AccountStore accounts, PasswordHasher hasher, AccountSettings settings, Clock clock, Pause pause) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.pause = pause;
        this.throttle = new LoginThrottle(settings.maxLoginFailures(), settings.lockout(), settings.maxLoginDelay());
    }

    /** Checks a name and password from {@code clientIp} (the resolved client address). */
    public Result login(String username, String password, String clientIp) {
        String name = username == null ? "" : username.strip();
        String secret = password == null ? "" : password;
        // No account name or password holds a control character: such a sign-in is wrong, not a database error.
        boolean wellFormed = !PasswordPolicy.hasControl(name) && !PasswordPolicy.hasControl(secret);
        Instant now = clock.instant();
        Optional<Duration> wait = throttle.refusal(name, clientIp, now);
        if (wait.isPresent()) {
            return new Locked(wait.get());
        }
        Duration delay = throttle.delay(name);
        if (!delay.isZero()) {
            pause.pause(delay);
        }
        Optional<Account> account = name.isEmpty() || !wellFormed ? Optional.empty() : accounts.find(name);
        boolean matches = account.isPresent() ? matches(name, secret, account.get()) : decoy(secret);
        if (matches && !account.get().disabled()) {
            throttle.success(name, clientIp);
            if (account.get().failedLogins() > 0 || account.get().lockedUntil() != null) {
                accounts.recordSuccess(name); // clears counts kept by earlier versions
            }
            return new Success(new ConsoleUser(name, account.get().roles(), false));
        }
        int failures = throttle.failure(name, clientIp, now);
        if (failures == settings.maxLoginFailures()) {
            LOG.warn("Sign-ins as '{}' from {} are refused for a while after {} failures", name, clientIp, failures);
        }
        return new Failure();
    }

    private boolean matches(String name, String password, Account account) {
        String cacheKey = Sha256.hex(name + "\u0000" + password);
        String stored = account.passwordHash();
        boolean matches = stored.equals(verified.getIfPresent(cacheKey)) || hasher.matches(password, stored);
        if (matches) {
            verified.put(cacheKey, stored);
        }
        return matches;
    }

    private boolean decoy(String password) {
        hasher.matches(password, hasher.decoy());
        return false;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
