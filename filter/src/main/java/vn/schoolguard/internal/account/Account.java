package vn.schoolguard.internal.account;

import java.time.Instant;
import java.util.Set;

/**
 * A console account.
 *
 * @param username     login name
 * @param passwordHash the slow hash, never shown
 * @param roles        moderator, investigator, admin, department
 * @param disabled     whether it may log in
 * @param failedLogins failed logins in a row, as counted by earlier versions (now always cleared on success)
 * @param lockedUntil  a lock set by earlier versions, may be null; no longer consulted
 */
public record Account(String username, String passwordHash, Set<String> roles, boolean disabled, int failedLogins,
                      Instant lockedUntil) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role) || roles.contains("admin");
    }

    @Override
    public String toString() {
        return "Account[" + username + ", roles=" + roles + ", disabled=" + disabled + "]";
    }
}
