package vn.schoolguard.internal.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.schoolguard.internal.account.AccountSettings;
import vn.schoolguard.internal.config.ConfigReader;

/**
 * The moderator/investigator console and its accounts.
 *
 * @param path          where the console and REST API live within the web application
 * @param accounts      where accounts come from, how they are seeded and how failed sign-ins are slowed down
 * @param sessions      how long a console session lasts
 * @param host          when present, the console and the API answer only on this host name (and port, when given)
 * @param requireHttps  whether console requests must come over HTTPS (directly or from a trusted proxy)
 */
public record ConsoleSettings(String path, AccountSettings accounts, Sessions sessions, Optional<ConsoleHost> host,
                              boolean requireHttps) {

    public static final List<String> ROLES = AccountSettings.ROLES;



    /**
     * @param idle a console session ends after this long without a request
     * @param max  and in any case after this long
     */
    public record Sessions(Duration idle, Duration max) {
    }


    public static ConsoleSettings read(ConfigReader reader) {
        String path = reader.string("console.path", "/_schoolguard");
        if (!path.matches("/[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*")) {
            reader.problem("console.path", path, "a path such as /_schoolguard (letters, digits, dot, dash, underscore; no trailing slash)");
        }
        AccountSettings accounts = AccountSettings.read(reader);
        Sessions sessions = new Sessions(
                reader.duration("console.session-idle-timeout", Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofDays(1)),
                reader.duration("console.session-max-age", Duration.ofHours(12), Duration.ofMinutes(5), Duration.ofDays(30)));
        return new ConsoleSettings(path, accounts, sessions, ConsoleHost.read(reader, "console.host"),
                reader.bool("console.require-https", false));
    }

    /** {@code builtin} or {@code container}. */
    public String accountSource() {
        return accounts.source();
    }

    public Map<String, String> containerRoles() {
        return accounts.containerRoles();
    }

    public Map<String, List<String>> seedAccounts() {
        return accounts.seedAccounts();
    }

    public String seedPassword() {
        return accounts.seedPassword();
    }

    public boolean seedReset() {
        return accounts.seedReset();
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
        return accounts.maxLoginFailures();
    }

    public Duration lockout() {
        return accounts.lockout();
    }

    public Duration maxLoginDelay() {
        return accounts.maxLoginDelay();
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
