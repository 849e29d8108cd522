package vn.schoolguard.internal.account;

import java.time.Instant;
import java.util.Optional;

/**
 * Console sessions, kept where every node behind a load balancer sees them. Implementations store a digest of the
 * token, never the token itself.
 */
public interface SessionStore {

    /** A live session. */
    record Session(String username, String csrfToken, Instant createdAt) {
    }

    /** Starts a session and returns its token (for the cookie). */
    String create(String username, String clientIp, Instant now);

    /** The session of a token if it is still live; refreshes its idle timer. */
    Optional<Session> find(String token, Instant now);

    /** Ends one session. */
    void delete(String token);

    /** Ends every session of an account (after a password change or when it is disabled). */
    void deleteAll(String username);
}
