package vn.schoolguard.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.config.ConfigReader;

/**
 * The moderator/investigator console and its accounts.
 *
 * @param path            where the console and REST API live within the web application
 * @param accountSource   {@code builtin} (SchoolGuard's own accounts) or {@code container} (the container's users and roles)
 * @param containerRoles  for container accounts: SchoolGuard role → container role
 * @param seedAccounts    accounts created at startup, {@code name:role role} each
 * @param seedPassword    their password; empty means no seeding
 * @param seedReset       whether a start resets the seeded accounts' password and roles (demo sites)
 * @param sessionIdle     a console session ends after this long without a request
 * @param sessionMax      and in any case after this long
 * @param maxLoginFailures failed sign-ins from one address for one name before that pair must wait
 *                        (an address gets four times as many over all names)
 * @param lockout         the longest such wait
 * @param maxLoginDelay   the longest delay before a password is checked for a name under attack from many addresses
 * @param passwordIterations PBKDF2 work factor for new password hashes
 * @param host            when present, the console and the API answer only on this host name (and port, when given)
 * @param requireHttps    whether console requests must come over HTTPS (directly or from a trusted proxy)
 */
public record ConsoleSettings(String path, String accountSource, Map<String, String> containerRoles,
                              Map<String, List<String>> seedAccounts, String seedPassword, boolean seedReset,
                              Duration sessionIdle, Duration sessionMax, int maxLoginFailures, Duration lockout,
                              Duration maxLoginDelay, int passwordIterations, Optional<ConsoleHost> host,
                              boolean requireHttps) {

    public static final List<String> ROLES = List.of("moderator", "investigator", "admin");

    public ConsoleSettings {
        containerRoles = Map.copyOf(containerRoles);
        seedAccounts = Map.copyOf(seedAccounts);
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
        if (!seed.isEmpty() && seedPassword.length() < 8) {
            reader.problem("accounts.seed-password", seedPassword.isEmpty() ? "" : "(hidden)", "a password of at least 8 characters for the seeded accounts");
        }
        boolean reset = reader.choice("accounts.seed-mode", "create", "create", "reset").equals("reset");
        return new ConsoleSettings(path, source, containerRoles, seed, seedPassword, reset,
                reader.duration("console.session-idle-timeout", Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(1)),
                reader.duration("console.session-max-age", Duration.ofHours(12), Duration.ofMinutes(5), Duration.ofDays(30)),
                reader.integer("login.max-failures", 5, 1, 1000),
                reader.duration("login.lockout", Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofDays(1)),
                reader.duration("login.max-delay", Duration.ofSeconds(2), Duration.ZERO, Duration.ofSeconds(10)),
                reader.integer("accounts.password-iterations", 210_000, 10_000, 10_000_000),
                ConsoleHost.read(reader, "console.host"),
                reader.bool("console.require-https", false));
    }

    public boolean containerAccounts() {
        return accountSource.equals("container");
    }

    @Override
    public String toString() {
        return "ConsoleSettings[path=" + path + ", accountSource=" + accountSource + ", seedAccounts=" + seedAccounts.keySet()
                + ", seedPassword=" + (seedPassword.isEmpty() ? "" : "****") + ", host=" + host.map(ConsoleHost::toString).orElse("any")
                + ", requireHttps=" + requireHttps + "]";
    }
}
