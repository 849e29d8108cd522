package vn.schoolguard.internal.spam;

import java.nio.charset.StandardCharsets;
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
     * it is too short. A shingle's five bytes are its own key: each distinct shingle is found by its key, without
     * hashing every one, and only those are hashed. Two shingles with the same hash are then both kept, which
     * changes no minimum.
     */
    static int[] signature(byte[] compact, int length) {
        if (length < MIN_LENGTH) {
            return null;
        }
        int shingles = length - SHINGLE + 1;
        ShingleKeys seen = new ShingleKeys(shingles);
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

    /** Seed by seed over all distinct shingles: two long, plain loops per seed rather than 32 short steps per shingle. */
    private static int[] minima(int[] distinct, int count) {
        int[] mins = new int[SIZE];
        int[] scratch = new int[count];
        for (int k = 0; k < SIZE; k++) {
            mins[k] = minimum(distinct, count, SEEDS[k], scratch);
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
            int x = hashes[i] * seed;
            x ^= x >>> 16;
            x *= 0x85ebca6b;
            x ^= x >>> 13;
            x *= 0xc2b2ae35;
            x ^= x >>> 16;
            scratch[i] = x & Integer.MAX_VALUE;
        }
        int min = Integer.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            min = Math.min(min, scratch[i]);
        }
        return min;
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

    /** Shingle keys seen so far: open addressing over a power-of-two table at most half full, grown as needed. */
    private static final class ShingleKeys {
        /** Keys, 0 for an empty slot. Small at first: a flooded paragraph has few distinct shingles. */
        private long[] slots;
        private int size;

        ShingleKeys(int shingles) {
            slots = new long[Math.min(4096, Integer.highestOneBit(Math.max(16, shingles) * 2 - 1) << 1)];
        }

        /** Adds {@code key} (never 0); false when it was there already. */
        boolean add(long key) {
            long[] table = slots;
            int mask = table.length - 1;
            int at = slot(key, mask);
            for (long slot = table[at]; slot != 0; slot = table[at]) {
                if (slot == key) {
                    return false;
                }
                at = (at + 1) & mask;
            }
            table[at] = key;
            if (++size * 2 > table.length) {
                grow();
            }
            return true;
        }

        private void grow() {
            long[] old = slots;
            long[] table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long key : old) {
                if (key != 0) {
                    int at = slot(key, mask);
                    while (table[at] != 0) {
                        at = (at + 1) & mask;
                    }
                    table[at] = key;
                }
            }
            slots = table;
        }

        private static int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
        }
    }

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
