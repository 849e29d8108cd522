package vn.schoolguard.internal.iplog;

/**
 * The outcome of verifying the chain.
 *
 * @param ok       whether every check passed
 * @param checked  entries checked
 * @param badSeq   the first bad entry's sequence number, or -1
 * @param message  what was found, naming the entry
 */
public record VerifyResult(boolean ok, long checked, long badSeq, String message) {
}
