/**
 * The database underneath every store: the connection pool and Flyway migrations ({@link vn.schoolguard.internal.db.Database}),
 * its settings, the data directory, the embedded H2 server, JSON columns and result pages.
 *
 * <p>Internal to SchoolGuard: host applications do not call this package, and its types may change between releases.
 * It depends on no capability package; the capability packages and {@code vn.schoolguard.store} build on it.
 */
package vn.schoolguard.internal.db;
