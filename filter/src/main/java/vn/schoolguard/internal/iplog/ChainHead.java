package vn.schoolguard.internal.iplog;

import java.time.Instant;

/**
 * The end of a site's chain: the last sequence number and hash, and when that entry was logged.
 *
 * @param seq  the last entry's sequence number, 0 before the first
 * @param hash the last entry's hash ({@link ChainHash#GENESIS} before the first)
 * @param at   when the last entry was logged ({@link Instant#EPOCH} before the first)
 */
public record ChainHead(long seq, String hash, Instant at) {
}
