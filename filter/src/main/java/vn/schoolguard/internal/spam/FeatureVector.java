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

    private int[] indices;
    private float[] values;
    /** Per entry: a named feature's position in {@link #names}, or an n-gram's view, start and length. */
    private long[] origins;
    private final List<String> names = new ArrayList<>();
    private final List<String> views = new ArrayList<>();
    private int size;

    FeatureVector() {
        this(256);
    }

    /** A vector with room for {@code capacity} entries before it grows. */
    FeatureVector(int capacity) {
        indices = new int[capacity];
        values = new float[capacity];
        origins = new long[capacity];
    }

    int size() {
        return size;
    }

    int index(int i) {
        return indices[i];
    }

    float value(int i) {
        return values[i];
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
     * seed, then {@code finish(h + n)}. One tight loop over local arrays, as a score adds thousands of them.
     */
    void addGrams(int view, String text, int seed, int minGram, int maxGram, float value) {
        int length = text.length();
        int count = 0;
        for (int n = minGram; n <= maxGram; n++) {
            count += Math.max(0, length - n + 1);
        }
        if (size + count > indices.length) {
            grow(size + count);
        }
        int[] idx = indices;
        float[] val = values;
        long[] org = origins;
        int at = size;
        long base = (long) view << 40;
        for (int i = 0; i < length; i++) {
            int h = seed;
            for (int n = 1; n <= maxGram && i + n <= length; n++) {
                h = (h ^ text.charAt(i + n - 1)) * 0x01000193;
                if (n >= minGram) {
                    idx[at] = finish(h + n) & MASK;
                    val[at] = value;
                    org[at] = base | ((long) i << 8) | n;
                    at++;
                }
            }
        }
        size = at;
    }

    /** Multiplies the values of entries {@code from} (inclusive) to the end. */
    void scaleFrom(int from, float factor) {
        for (int i = from; i < size; i++) {
            values[i] *= factor;
        }
    }

    /** The readable name of entry {@code i}: {@code r:gambling.promo}, {@code c:"cuoc"}. */
    String name(int i) {
        long origin = origins[i];
        if (origin < 0) {
            return names.get((int) (-origin - 1));
        }
        int view = (int) (origin >>> 40);
        int start = (int) ((origin >>> 8) & 0xFFFFFFFFL);
        int n = (int) (origin & 0xFF);
        return views.get(view * 2) + "\"" + views.get(view * 2 + 1).substring(start, start + n) + "\"";
    }

    private void put(int index, float value, long origin) {
        if (size == indices.length) {
            grow(size * 2);
        }
        indices[size] = index;
        values[size] = value;
        origins[size] = origin;
        size++;
    }

    private void grow(int capacity) {
        indices = Arrays.copyOf(indices, capacity);
        values = Arrays.copyOf(values, capacity);
        origins = Arrays.copyOf(origins, capacity);
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
