package vn.schoolguard.internal.account;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.schoolguard.internal.config.ConfigReader;

/**
 * Console accounts and sign-in: where accounts come from, the accounts seeded at startup, the password work factor and
 * how failed sign-ins are slowed down.
 *
 * @param source             {@code builtin} (SchoolGuard's own accounts) or {@code container} (the container's users)
 * @param containerRoles     for container accounts: SchoolGuard role → container role
 * @param seedAccounts       accounts created at startup, name → roles
 * @param seedPassword       their password; empty means no seeding
 * @param seedReset          whether a start resets the seeded accounts' password and roles (demo sites)
 * @param passwordIterations PBKDF2 work factor for new password hashes
 * @param maxLoginFailures   failed sign-ins from one address for one name before that pair must wait (an address gets
 *                           four times as many over all names)
 * @param lockout            the longest such wait
 * @param maxLoginDelay      the longest delay before a password is checked for a name under attack from many addresses
 */
public record AccountSettings(String source, Map<String, String> containerRoles, Map<String, List<String>> seedAccounts,
                              String seedPassword, boolean seedReset, int passwordIterations, int maxLoginFailures,
                              Duration lockout, Duration maxLoginDelay) {

    /** The console roles, from least to most powerful. */
    public static final List<String> ROLES = List.of("moderator", "investigator", "admin", "department");

    public AccountSettings {
        containerRoles = Map.copyOf(containerRoles);
        seedAccounts = Map.copyOf(seedAccounts);
    }

    /** Reads the {@code accounts.*} and {@code login.*} keys. */
    public static AccountSettings read(ConfigReader reader) {
        String source = reader.choice("accounts.source", "builtin", "builtin", "container");
        Map<String, String> containerRoles = new LinkedHashMap<>();
        for (String role : ROLES) {
            containerRoles.put(role, reader.string("accounts.container-role." + role, role));
        }
        Map<String, List<String>> seed = seedAccounts(reader);
        String seedPassword = reader.string("accounts.seed-password", "");
        if (!seed.isEmpty() && !PasswordPolicy.acceptable(seedPassword)) {
            reader.problem("accounts.seed-password", seedPassword.isEmpty() ? "" : "(hidden)", "a password of "
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters for the seeded accounts");
        }
        boolean reset = reader.choice("accounts.seed-mode", "create", "create", "reset").equals("reset");
        return new AccountSettings(source, containerRoles, seed, seedPassword, reset,
                reader.integer("accounts.password-iterations", 210_000, 10_000, 10_000_000),
                reader.integer("login.max-failures", 5, 1, 1000),
                reader.duration("login.lockout", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.duration("login.max-delay", Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(10)));
    }

    private static Map<String, List<String>> seedAccounts(ConfigReader reader) {
        Map<String, List<String>> seed = new LinkedHashMap<>();
        for (String item : reader.list("accounts.seed", List.of())) {
            String[] parts = item.split(":", 2);
            List<String> roles = parts.length == 2 ? List.of(parts[1].trim().split("\\s+")) : List.of();
            String name = parts[0].trim();
            if (!name.matches("[a-z0-9._-]{2,64}") || roles.isEmpty() || !ROLES.containsAll(roles)) {
                reader.problem("accounts.seed", item, "name:role entries with roles moderator, investigator, admin or department"
                        + " (several separated by spaces), such as admin:admin, thu.ha:moderator");
            } else {
                seed.put(name, roles);
            }
        }
        return seed;
    }

    /** Whether the container's users and roles are used instead of SchoolGuard's own accounts. */
    public boolean containerAccounts() {
        return source.equals("container");
    }

    @Override
    public String toString() {
        return "AccountSettings[source=" + source + ", seedAccounts=" + seedAccounts.keySet() + ", seedPassword="
                + (seedPassword.isEmpty() ? "" : "****") + ", seedReset=" + seedReset + "]";
    }
}
