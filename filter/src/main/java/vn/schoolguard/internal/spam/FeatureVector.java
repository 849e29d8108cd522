package vn.schoolguard.internal.spam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sparse, hashed feature vector (indices may repeat; values add up), with enough to name each entry again
 * when the model explains a score. Not thread-safe: built by one score.
 */
final class FeatureVector {

    /** Feature space size (a power of two): hashed indices are taken modulo this. */
    static final int DIMENSION = 1 << 18;
    private static final int MASK = DIMENSION - 1;

    /** Every entry's index. */
    private int[] indices;
    /** The values of the entries before the first n-gram block (those of a block share its value). */
    private float[] values;
    /** Per entry before the first block: a named feature's position in {@link #names}, or a word's view, start and length. */
    private long[] origins;
    private final List<String> names = new ArrayList<>();
    private final List<String> views = new ArrayList<>();
    private int size;
    /** Entries with their own value and origin; the n-gram blocks follow them. */
    private int plain = -1;
    /**
     * Per block of n-grams: first entry, view, view length, shortest and longest gram, and the value's bits. A block's
     * entries are the grams in text order, shortest first at each start, so each one's origin is worked out, not kept.
     */
    private int[][] blocks = new int[0][];

    FeatureVector() {
        this(256, 256);
    }

    /** A vector with room for {@code named} entries with their own values, and {@code capacity} entries in all. */
    FeatureVector(int named, int capacity) {
        indices = new int[Math.max(named, capacity)];
        values = new float[named];
        origins = new long[named];
    }

    int size() {
        return size;
    }

    int index(int i) {
        return indices[i];
    }

    float value(int i) {
        return i < plainSize() ? values[i] : Float.intBitsToFloat(block(i)[5]);
    }

    /**
     * The sum of {@code (weights[index] + site delta) * value} over the entries in entry order, as the model's raw
     * score adds it up, with each block's shared value read once rather than looked up per entry.
     */
    double dot(float[] weights, SiteAdjustment site) {
        double z = 0;
        int end = plainSize();
        for (int i = 0; i < end; i++) {
            z += (weights[indices[i]] + site.delta(indices[i])) * values[i];
        }
        for (int b = 0; b < blocks.length; b++) {
            float value = Float.intBitsToFloat(blocks[b][5]);
            int to = b + 1 < blocks.length ? blocks[b + 1][0] : size;
            for (int i = blocks[b][0]; i < to; i++) {
                z += (weights[indices[i]] + site.delta(indices[i])) * value;
            }
        }
        return z;
    }

    /** Adds a named feature (rule hit, structure, cue, word). */
    void add(String name, float value) {
        names.add(name);
        put(hash(name, 0, name.length(), 0x9747b28c) & MASK, value, -(long) names.size());
    }

    /** Registers a view whose n-grams will be added, returning its number. */
    int view(String prefix, String text) {
        views.add(prefix);
        views.add(text);
        return views.size() / 2 - 1;
    }

    /** Adds the n-gram of view {@code view} at {@code start}, of length {@code n}, already hashed. */
    void addGram(int hash, float value, int view, int start, int n) {
        put(hash & MASK, value, ((long) view << 40) | ((long) start << 8) | n);
    }

    /**
     * Adds every character n-gram of {@code text} (view {@code view}) of {@code minGram} to {@code maxGram}
     * characters, in text order and shortest first at each start, all with {@code value}: FNV-1a from the family's
     * seed, then {@code finish(h + n)}. One tight loop storing only indices, as a score adds thousands of them.
     */
    void addGrams(int view, String text, int seed, int minGram, int maxGram, float value) {
        int length = text.length();
        int count = gramCount(length, minGram, maxGram);
        if (plain < 0) {
            plain = size;
        }
        if (size + count > indices.length) {
            indices = Arrays.copyOf(indices, size + count);
        }
        blocks = Arrays.copyOf(blocks, blocks.length + 1);
        blocks[blocks.length - 1] = new int[] {size, view, length, minGram, maxGram, Float.floatToRawIntBits(value)};
        int[] idx = indices;
        char[] chars = text.toCharArray();
        int at = size;
        // Starts with every length first, with no end-of-text tests in the loop, then the last few starts.
        int full = Math.max(0, length - maxGram + 1);
        boolean model = minGram == 2 && maxGram == 5;
        if (model) {
            at = twoToFive(chars, full, seed, idx, at);
        }
        for (int i = model ? full : 0; i < full; i++) {
            int h = seed;
            for (int n = 1; n < minGram; n++) {
                h = (h ^ chars[i + n - 1]) * 0x01000193;
            }
            for (int n = minGram; n <= maxGram; n++) {
                h = (h ^ chars[i + n - 1]) * 0x01000193;
                idx[at++] = finish(h + n) & MASK;
            }
        }
        for (int i = full; i < length; i++) {
            int h = seed;
            for (int n = 1; n <= maxGram && i + n <= length; n++) {
                h = (h ^ chars[i + n - 1]) * 0x01000193;
                if (n >= minGram) {
                    idx[at++] = finish(h + n) & MASK;
                }
            }
        }
        size = at;
    }

    /** The 2- to 5-grams of the first {@code starts} starts, written out: four independent finishes per start to overlap. */
    private static int twoToFive(char[] chars, int starts, int seed, int[] idx, int at) {
        for (int i = 0; i < starts; i++, at += 4) {
            int h2 = ((seed ^ chars[i]) * 0x01000193 ^ chars[i + 1]) * 0x01000193;
            int h3 = (h2 ^ chars[i + 2]) * 0x01000193;
            int h4 = (h3 ^ chars[i + 3]) * 0x01000193;
            int h5 = (h4 ^ chars[i + 4]) * 0x01000193;
            idx[at] = finish(h2 + 2) & MASK;
            idx[at + 1] = finish(h3 + 3) & MASK;
            idx[at + 2] = finish(h4 + 4) & MASK;
            idx[at + 3] = finish(h5 + 5) & MASK;
        }
        return at;
    }

    /** How many n-grams of {@code minGram} to {@code maxGram} characters a text of {@code length} has. */
    static int gramCount(int length, int minGram, int maxGram) {
        int count = 0;
        for (int n = minGram; n <= maxGram; n++) {
            count += Math.max(0, length - n + 1);
        }
        return count;
    }

    /** Multiplies the values of entries {@code from} (inclusive) to the end; not once n-grams were added. */
    void scaleFrom(int from, float factor) {
        requirePlain();
        for (int i = from; i < size; i++) {
            values[i] *= factor;
        }
    }

    /** The readable name of entry {@code i}: {@code r:gambling.promo}, {@code c:"cuoc"}. */
    String name(int i) {
        if (i >= plainSize()) {
            return gramName(i);
        }
        long origin = origins[i];
        if (origin < 0) {
            return names.get((int) (-origin - 1));
        }
        int view = (int) (origin >>> 40);
        int start = (int) ((origin >>> 8) & 0xFFFFFFFFL);
        int n = (int) (origin & 0xFF);
        return views.get(view * 2) + "\"" + views.get(view * 2 + 1).substring(start, start + n) + "\"";
    }

    /** The name of an n-gram of a block: its start and length from its place in the block. */
    private String gramName(int i) {
        int[] block = block(i);
        int k = i - block[0];
        int length = block[2];
        int minGram = block[3];
        int perStart = block[4] - minGram + 1;
        int start = 0;
        int n;
        if (k < perStart * Math.max(0, length - block[4] + 1)) {
            start = k / perStart;
            n = minGram + k % perStart;
        } else {
            // The last starts have fewer grams: walk them.
            start = Math.max(0, length - block[4] + 1);
            k -= perStart * start;
            while (k >= Math.max(0, length - start - minGram + 1)) {
                k -= Math.max(0, length - start - minGram + 1);
                start++;
            }
            n = minGram + k;
        }
        String view = views.get(block[1] * 2 + 1);
        return views.get(block[1] * 2) + "\"" + view.substring(start, start + n) + "\"";
    }

    private int plainSize() {
        return plain < 0 ? size : plain;
    }

    private int[] block(int i) {
        for (int b = blocks.length - 1; b > 0; b--) {
            if (i >= blocks[b][0]) {
                return blocks[b];
            }
        }
        return blocks[0];
    }

    private void requirePlain() {
        if (plain >= 0) {
            throw new IllegalStateException("n-gram blocks come last in a feature vector");
        }
    }

    private void put(int index, float value, long origin) {
        requirePlain();
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(16, size * 2));
            origins = Arrays.copyOf(origins, values.length);
        }
        if (size == indices.length) {
            indices = Arrays.copyOf(indices, values.length);
        }
        indices[size] = index;
        values[size] = value;
        origins[size] = origin;
        size++;
    }

    /** FNV-1a over part of a string with a seed per feature family, then a finalizer that spreads the bits. */
    static int hash(CharSequence text, int from, int to, int seed) {
        int h = seed;
        for (int i = from; i < to; i++) {
            h = (h ^ text.charAt(i)) * 0x01000193;
        }
        return finish(h);
    }

    static int finish(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
