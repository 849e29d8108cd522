package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Near-duplicate signatures: MinHash over character 5-shingles of the folded run-together text, so that a
 * campaign's variants (other spacing, tone marks, case, zero-width characters, lookalike letters, emoji, a
 * sentence added) share most of their shingles with the text a moderator marked. {@value #SIZE} minima in
 * {@value #BANDS} bands of {@value #ROWS}: texts that agree on a whole band are compared in full.
 */
final class MinHash {

    static final int SIZE = 32;
    static final int BANDS = 8;
    static final int ROWS = SIZE / BANDS;
    /** Shorter folded texts are too common to be a campaign ("cảm ơn thầy cô"). */
    static final int MIN_LENGTH = 30;
    private static final int SHINGLE = 5;
    private static final int[] SEEDS = new int[SIZE];

    static {
        int x = 0x2545F491;
        for (int i = 0; i < SIZE; i++) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            SEEDS[i] = x | 1;
        }
    }

    private MinHash() {
    }

    /** The signature of a folded run-together text, or null when it is too short. */
    static int[] signature(String compact) {
        if (compact.length() < MIN_LENGTH) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (compact.charAt(i) > 0xFF) {
                return signatureOfChars(compact);
            }
        }
        return signature(compact.getBytes(StandardCharsets.ISO_8859_1), compact.length());
    }

    /**
     * The signature of the first {@code length} bytes of a run-together view (a character a byte), or null when
     * it is too short. A shingle's five bytes are its own key: a shingle whose key was seen is dropped without
     * being hashed (see {@link RecentKeys}), and only the others are hashed. A shingle kept twice, or two shingles
     * with the same hash, change no minimum: the signature depends only on the set of the shingles' hashes.
     */
    static int[] signature(byte[] compact, int length) {
        return length < MIN_LENGTH ? null : minima(compact, length - SHINGLE + 1);
    }

    /**
     * The signature of the first {@code length} bytes of a run-together view whose last {@code suffixLength} of
     * them are a text of signature {@code suffix} (not null): its shingles are those starting before the suffix and
     * the suffix's own, so only the first are hashed and their minima met with the suffix's (the minima of a union
     * are the least of each part's). A tail read after a shorter one hashes only what it adds.
     */
    static int[] signature(byte[] compact, int length, int[] suffix, int suffixLength) {
        int[] mins = minima(compact, length - suffixLength);
        for (int k = 0; k < SIZE; k++) {
            mins[k] = Math.min(mins[k], suffix[k]);
        }
        return mins;
    }

    /** The minima of the shingles starting at {@code [0, shingles)} (all MAX_VALUE for none). */
    private static int[] minima(byte[] compact, int shingles) {
        RecentKeys seen = new RecentKeys(shingles);
        int[] distinct = new int[shingles];
        int count = 0;
        long key = 0;
        for (int i = 0; i < SHINGLE - 1; i++) {
            key = key << 8 | (compact[i] & 0xff);
        }
        for (int i = 0; i < shingles; i++) {
            key = (key << 8 | (compact[i + SHINGLE - 1] & 0xff)) & KEY_MASK;
            if (seen.add(key | KEY_MARK)) {
                // FeatureVector.hash(compact, i, i + SHINGLE, SEED), written out for the five characters.
                int h = ((((0x3c6ef372 ^ (compact[i] & 0xff)) * 0x01000193 ^ (compact[i + 1] & 0xff)) * 0x01000193
                        ^ (compact[i + 2] & 0xff)) * 0x01000193 ^ (compact[i + 3] & 0xff)) * 0x01000193;
                distinct[count++] = FeatureVector.finish((h ^ (compact[i + 4] & 0xff)) * 0x01000193);
            }
        }
        return minima(distinct, count);
    }

    /** The signature of a text with characters beyond one byte (never a folded view), hashing every shingle. */
    private static int[] signatureOfChars(String compact) {
        // The minima are over the set of shingles: a repeated one (a flood of one paragraph) is hashed once.
        ShingleSet seen = new ShingleSet(compact.length());
        char[] c = compact.toCharArray();
        int[] distinct = new int[c.length - SHINGLE + 1];
        int count = 0;
        for (int i = 0; i + SHINGLE <= c.length; i++) {
            // FeatureVector.hash(compact, i, i + SHINGLE, SEED), written out for the five characters.
            int h = ((((0x3c6ef372 ^ c[i]) * 0x01000193 ^ c[i + 1]) * 0x01000193 ^ c[i + 2]) * 0x01000193 ^ c[i + 3]) * 0x01000193;
            h = FeatureVector.finish((h ^ c[i + 4]) * 0x01000193);
            if (seen.add(h)) {
                distinct[count++] = h;
            }
        }
        return minima(distinct, count);
    }

    /**
     * The least mixed hash under each seed. Few hashes (a short text, a flooded paragraph): seed by seed, two long,
     * plain loops. Many: in blocks of {@value #BLOCK} (see {@link #blockMinima}).
     */
    private static int[] minima(int[] hashes, int count) {
        if (count >= BLOCK) {
            return blockMinima(hashes, count);
        }
        int[] mins = new int[SIZE];
        int[] scratch = new int[count];
        for (int k = 0; k < SIZE; k++) {
            mins[k] = minimum(hashes, count, SEEDS[k], scratch);
        }
        return mins;
    }

    /** Five bytes of a shingle. */
    private static final long KEY_MASK = (1L << 40) - 1;
    /** A bit above them, so that no key is 0 (an empty slot). */
    private static final long KEY_MARK = 1L << 40;

    /** The least of the shingles' hashes under one seed: {@link FeatureVector#finish} written out. */
    private static int minimum(int[] hashes, int count, int seed, int[] scratch) {
        for (int i = 0; i < count; i++) {
            scratch[i] = mix(hashes[i], seed);
        }
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, scratch[i]);
        }
        return min;
    }

    /** The hashes of a block loop: a constant, so that the JIT vectorises the loop whatever lengths it has seen. */
    static final int BLOCK = 256;

    /**
     * The minima of many hashes: copied into blocks of {@value #BLOCK} (the last one filled up with copies of the
     * first hash, which changes no minimum), then seed by seed each block folded into one array of running minima
     * and that array's least taken. Every array of the block loop is read at the same index and the minimum is
     * taken without a branch, the shape the JIT turns into vector instructions; the plain seed-by-seed minimum is
     * a chain of dependent steps the JIT leaves scalar. The values are those of {@link #minimum}.
     */
    private static int[] blockMinima(int[] hashes, int count) {
        int[][] blocks = new int[(count + BLOCK - 1) / BLOCK][];
        for (int b = 0; b < blocks.length; b++) {
            int from = b * BLOCK;
            blocks[b] = Arrays.copyOfRange(hashes, from, from + BLOCK);
            Arrays.fill(blocks[b], Math.min(BLOCK, count - from), BLOCK, hashes[0]);
        }
        int[] mins = new int[SIZE];
        int[] running = new int[BLOCK];
        for (int k = 0; k < SIZE; k++) {
            int seed = SEEDS[k];
            Arrays.fill(running, Integer.MAX_VALUE);
            for (int[] block : blocks) {
                fold(block, seed, running);
            }
            int min = Integer.MAX_VALUE;
            for (int i = 0; i < BLOCK; i++) {
                min = Math.min(min, running[i]);
            }
            mins[k] = min;
        }
        return mins;
    }

    /** {@code running[i] = min(running[i], mix(block[i], seed))} for the whole block. */
    private static void fold(int[] block, int seed, int[] running) {
        for (int i = 0; i < BLOCK; i++) {
            int x = mix(block[i], seed);
            int r = running[i];
            // min(x, r) without a branch: both are at least 0, so x - r cannot overflow.
            int d = x - r;
            running[i] = r + (d & (d >> 31));
        }
    }

    /** A shingle hash under one seed, as compared: {@link FeatureVector#finish} of the product, sign bit cleared. */
    private static int mix(int hash, int seed) {
        int x = hash * seed;
        x ^= x >>> 16;
        x *= 0x85ebca6b;
        x ^= x >>> 13;
        x *= 0xc2b2ae35;
        x ^= x >>> 16;
        return x & Integer.MAX_VALUE;
    }

    /** The share of minima two signatures agree on: an estimate of their shingles' Jaccard similarity. */
    static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            same += a[i] == b[i] ? 1 : 0;
        }
        return same / (double) SIZE;
    }

    /** The band keys of a signature ({@code b3:1a2b3c4d}), stored with a marked submission and asked for. */
    static Set<String> bands(int[] signature) {
        Set<String> keys = new LinkedHashSet<>();
        for (int b = 0; b < BANDS; b++) {
            int h = 0x811c9dc5;
            for (int r = 0; r < ROWS; r++) {
                h = (h ^ signature[b * ROWS + r]) * 0x01000193;
            }
            keys.add("b" + b + ":" + Integer.toHexString(FeatureVector.finish(h)));
        }
        return keys;
    }

    /** The signature as text (hex, 8 digits a minimum), as stored. */
    static String encode(int[] signature) {
        StringBuilder out = new StringBuilder(SIZE * 8);
        for (int v : signature) {
            String hex = Integer.toHexString(v);
            out.append("0".repeat(8 - hex.length())).append(hex);
        }
        return out.toString();
    }

    /** A stored signature, or null when it is not one. */
    static int[] decode(String text) {
        if (text == null || text.length() != SIZE * 8) {
            return null;
        }
        int[] signature = new int[SIZE];
        try {
            for (int i = 0; i < SIZE; i++) {
                signature[i] = (int) Long.parseLong(text.substring(i * 8, i * 8 + 8), 16);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return signature;
    }

    /**
     * The shingle keys seen last, one per slot of a direct-mapped table: a key is reported as seen only when its
     * slot holds it, so a dropped shingle is always a repeat; a repeat whose slot another key took since is kept
     * again, which changes no minimum. No growing and no probing: a text of varied sentences has almost only new
     * shingles, a flooded paragraph few distinct ones that fit the table.
     */
    private static final class RecentKeys {
        /** Keys, 0 for an empty slot. */
        private final long[] slots;
        private final int shift;

        RecentKeys(int shingles) {
            int size = Math.min(MAX_SLOTS, Integer.highestOneBit(Math.max(16, shingles) * 2 - 1) << 1);
            slots = new long[size];
            shift = 64 - Integer.numberOfTrailingZeros(size);
        }

        /** Notes {@code key} (never 0); false when its slot held it already. */
        boolean add(long key) {
            int at = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
            if (slots[at] == key) {
                return false;
            }
            slots[at] = key;
            return true;
        }
    }

    /** Slots of {@link RecentKeys} at most: 32 KB, a table that stays in the first-level cache. */
    private static final int MAX_SLOTS = 4096;

    /** Shingle hashes seen so far: open addressing over a power-of-two table at most half full. */
    private static final class ShingleSet {
        /** Hashes, 0 for an empty slot (a hash of 0 is remembered by {@link #zero}): one array to read, not two. */
        private final int[] slots;
        private boolean zero;

        ShingleSet(int expected) {
            int size = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            slots = new int[size];
        }

        /** Adds {@code hash}; false when it was there already. */
        boolean add(int hash) {
            if (hash == 0) {
                boolean added = !zero;
                zero = true;
                return added;
            }
            int mask = slots.length - 1;
            int at = (hash ^ (hash >>> 16)) & mask;
            for (int slot = slots[at]; slot != 0; slot = slots[at]) {
                if (slot == hash) {
                    return false;
                }
                at = (at + 1) & mask;
            }
            slots[at] = hash;
            return true;
        }
    }
}
