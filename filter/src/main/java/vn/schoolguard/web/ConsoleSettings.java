package vn.schoolguard.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.account.PasswordPolicy;
import vn.schoolguard.config.ConfigReader;

/**
 * The moderator/investigator console and its accounts.
 *
 * @param path          where the console and REST API live within the web application
 * @param accounts      where accounts come from and how they are seeded
 * @param sessions      how long a console session lasts
 * @param login         how failed sign-ins are throttled
 * @param host          when present, the console and the API answer only on this host name (and port, when given)
 * @param requireHttps  whether console requests must come over HTTPS (directly or from a trusted proxy)
 */
public record ConsoleSettings(String path, Accounts accounts, Sessions sessions, Login login, Optional<ConsoleHost> host,
                              boolean requireHttps) {

    public static final List<String> ROLES = List.of("moderator", "investigator", "admin");

    /**
     * Console accounts.
     *
     * @param source         {@code builtin} (SchoolGuard's own accounts) or {@code container} (the container's users and roles)
     * @param containerRoles for container accounts: SchoolGuard role → container role
     * @param seed           accounts created at startup
     * @param passwordIterations PBKDF2 work factor for new password hashes
     */
    public record Accounts(String source, Map<String, String> containerRoles, Seed seed, int passwordIterations) {
        public Accounts {
            containerRoles = Map.copyOf(containerRoles);
        }
    }

    /**
     * Accounts created at startup.
     *
     * @param accounts {@code name → roles} each
     * @param password their password; empty means no seeding
     * @param reset    whether a start resets the seeded accounts' password and roles (demo sites)
     */
    public record Seed(Map<String, List<String>> accounts, String password, boolean reset) {
        public Seed {
            accounts = Map.copyOf(accounts);
        }
    }

    /**
     * @param idle a console session ends after this long without a request
     * @param max  and in any case after this long
     */
    public record Sessions(Duration idle, Duration max) {
    }

    /**
     * @param maxFailures failed sign-ins from one address for one name before that pair must wait
     *                    (an address gets four times as many over all names)
     * @param lockout     the longest such wait
     * @param maxDelay    the longest delay before a password is checked for a name under attack from many addresses
     */
    public record Login(int maxFailures, Duration lockout, Duration maxDelay) {
    }

    public static ConsoleSettings read(ConfigReader reader) {
        String path = reader.string("console.path", "/_schoolguard");
        if (!path.matches("/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")) {
            reader.problem("console.path", path, "a path such as /_schoolguard (letters, digits, dot, dash, underscore; no trailing slash)");
        }
        String source = reader.choice("accounts.source", "builtin", "builtin", "container");
        Map<String, String> containerRoles = new LinkedHashMap<>();
        for (String role : ROLES) {
            containerRoles.put(role, reader.string("accounts.container-role." + role, role));
        }
        Seed seed = seed(reader);
        Sessions sessions = new Sessions(
                reader.duration("console.session-idle-timeout", Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(1)),
                reader.duration("console.session-max-age", Duration.ofHours(12), Duration.ofMinutes(5), Duration.ofDays(30)));
        Login login = new Login(reader.integer("login.max-failures", 5, 1, 1000),
                reader.duration("login.lockout", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.duration("login.max-delay", Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(10)));
        Accounts accounts = new Accounts(source, containerRoles, seed,
                reader.integer("accounts.password-iterations", 210_000, 10_000, 10_000_000));
        return new ConsoleSettings(path, accounts, sessions, login, ConsoleHost.read(reader, "console.host"),
                reader.bool("console.require-https", false));
    }

    private static Seed seed(ConfigReader reader) {
        Map<String, List<String>> seed = new LinkedHashMap<>();
        for (String item : reader.list("accounts.seed", List.of())) {
            String[] parts = item.split(":", 2);
            List<String> roles = parts.length == 2 ? List.of(parts[1].trim().split("\\s+")) : List.of();
            String name = parts[0].trim();
            if (!name.matches("[a-z0-9._-]{2,64}") || roles.isEmpty() || !ROLES.containsAll(roles)) {
                reader.problem("accounts.seed", item, "name:role entries with roles moderator, investigator or admin"
                        + " (several separated by spaces), such as admin:admin, thu.ha:moderator");
            } else {
                seed.put(name, roles);
            }
        }
        String seedPassword = reader.string("accounts.seed-password", "");
        if (!seed.isEmpty() && !PasswordPolicy.acceptable(seedPassword)) {
            reader.problem("accounts.seed-password", seedPassword.isEmpty() ? "" : "(hidden)", "a password of "
                    + PasswordPolicy.MIN_LENGTH + " to " + PasswordPolicy.MAX_LENGTH + " characters for the seeded accounts");
        }
        boolean reset = reader.choice("accounts.seed-mode", "create", "create", "reset").equals("reset");
        return new Seed(seed, seedPassword, reset);
    }

    /** {@code builtin} or {@code container}. */
    public String accountSource() {
        return accounts.source();
    }

    public Map<String, String> containerRoles() {
        return accounts.containerRoles();
    }

    public Map<String, List<String>> seedAccounts() {
        return accounts.seed().accounts();
    }

    public String seedPassword() {
        return accounts.seed().password();
    }

    public boolean seedReset() {
        return accounts.seed().reset();
    }

    public int passwordIterations() {
        return accounts.passwordIterations();
    }

    public Duration sessionIdle() {
        return sessions.idle();
    }

    public Duration sessionMax() {
        return sessions.max();
    }

    public int maxLoginFailures() {
        return login.maxFailures();
    }

    public Duration lockout() {
        return login.lockout();
    }

    public Duration maxLoginDelay() {
        return login.maxDelay();
    }

    public boolean containerAccounts() {
        return accounts.source().equals("container");
    }

    @Override
    public String toString() {
        return "ConsoleSettings[path=" + path + ", accountSource=" + accountSource() + ", seedAccounts=" + seedAccounts().keySet()
                + ", seedPassword=" + (seedPassword().isEmpty() ? "" : "****") + ", host=" + host.map(ConsoleHost::toString).orElse("any")
                + ", requireHttps=" + requireHttps + "]";
    }
}
