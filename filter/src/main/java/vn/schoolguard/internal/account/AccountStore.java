package vn.schoolguard.internal.account;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One site's built-in console accounts; implementations throw the storage layer's unchecked exception when down. */
public interface AccountStore {

    Optional<Account> find(String username);

    /** Every account, by name. */
    List<Account> list();

    /** Creates an account, or replaces its password and roles when it exists (and enables it). */
    void upsert(String username, String passwordHash, Set<String> roles, Instant now);

    /** Replaces the password hash; false when there is no such account. */
    boolean setPassword(String username, String passwordHash, Instant now);

    /** Replaces the roles; false when there is no such account. */
    boolean setRoles(String username, Set<String> roles, Instant now);

    /** Disables or enables an account; false when there is no such account. */
    boolean setDisabled(String username, boolean disabled, Instant now);

    /** Clears failure counts kept by earlier versions after a good sign-in. */
    void recordSuccess(String username);
}
