/**
 * Internal: the append-only, hash-chained IP log of submission attempts. {@link vn.schoolguard.internal.iplog.IpLog} is what
 * the filter, the console and the command line hold; it numbers, stamps and hashes entries ({@link
 * vn.schoolguard.internal.iplog.ChainAppend}, {@link vn.schoolguard.internal.iplog.ChainHash}), searches, verifies, applies retention and
 * audits look-ups, and leaves the rows to an {@link vn.schoolguard.internal.iplog.IpLogStorage} (the JDBC one lives in
 * {@code vn.schoolguard.store}). Nothing here names a JDBC type. Not an API: it may change in any release.
 */
package vn.schoolguard.internal.iplog;
