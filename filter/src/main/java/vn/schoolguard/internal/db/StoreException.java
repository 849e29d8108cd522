package vn.schoolguard.internal.db;

/** The database could not do what was asked: unreachable, timed out, or refused the statement. */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
