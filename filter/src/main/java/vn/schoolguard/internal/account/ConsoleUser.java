package vn.schoolguard.internal.account;

import java.util.Set;

/**
 * Someone signed in to the console.
 *
 * @param name      the account name (or the container's user name)
 * @param roles     moderator, investigator, admin, department
 * @param container whether the container authenticated the user (no built-in account)
 */
public record ConsoleUser(String name, Set<String> roles, boolean container) {

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    /** Whether the user has the role; admins have every role. */
    public boolean has(String role) {
        return roles.contains(role) || roles.contains("admin");
    }

    /** Whether the user may use the console at all. */
    public boolean isStaff() {
        return !roles.isEmpty();
    }
}
