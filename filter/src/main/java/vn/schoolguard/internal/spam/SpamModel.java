package vn.schoolguard.internal.spam;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The global logistic-regression model over {@link FeatureVector}s, with the verdict thresholds calibrated on
 * the development split. Immutable and thread-safe. Stored as {@value #RESOURCE} in the JAR; the {@code train}
 * command writes the same bytes from the same corpus.
 *
 * <p>File format (big-endian): {@code "SGLR"}, version 2, dimension, spam threshold, suspect threshold and
 * weak-target threshold (doubles), a UTF summary of what it was trained on, the number of non-zero weights, then (index, float weight) pairs in
 * index order.
 */
final class SpamModel {

    static final String RESOURCE = "/vn/schoolguard/internal/spam/model.bin";
    private static final int MAGIC = 0x53474c52;
    private static final int VERSION = 2;

    private final float[] weights;
    private final double spamThreshold;
    private final double suspectThreshold;
    private final double weakTargetThreshold;
    private final String summary;

    SpamModel(float[] weights, double spamThreshold, double suspectThreshold, String summary) {
        this(weights, spamThreshold, suspectThreshold, spamThreshold, summary);
    }

    SpamModel(float[] weights, double spamThreshold, double suspectThreshold, double weakTargetThreshold, String summary) {
        if (weights.length != FeatureVector.DIMENSION) {
            throw new IllegalArgumentException("a model has " + FeatureVector.DIMENSION + " weights, not " + weights.length);
        }
        this.weights = weights;
        this.spamThreshold = spamThreshold;
        this.suspectThreshold = suspectThreshold;
        this.weakTargetThreshold = weakTargetThreshold;
        this.summary = summary;
    }

    private static volatile SpamModel shared;

    /** The shipped model, read once and shared by every site (it is immutable). */
    static SpamModel shared() {
        SpamModel model = shared;
        if (model == null) {
            model = builtIn();
            shared = model;
        }
        return model;
    }

    /** The model shipped in the JAR. */
    static SpamModel builtIn() {
        try (InputStream in = SpamModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SpamTexts.missingBuiltInModel(RESOURCE));
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(SpamTexts.missingBuiltInModel(RESOURCE), e);
        }
    }

    /** This model with other spam and suspect thresholds; a weak target still needs at least the spam threshold. */
    SpamModel withThresholds(double spam, double suspect) {
        return new SpamModel(weights, spam, suspect, Math.max(spam, weakTargetThreshold), summary);
    }

    SpamModel withWeakTargetThreshold(double weak) {
        return new SpamModel(weights, spamThreshold, suspectThreshold, weak, summary);
    }

    double spamThreshold() {
        return spamThreshold;
    }

    double suspectThreshold() {
        return suspectThreshold;
    }

    /** The probability that files as spam a text whose only targets are weak ones (an offer, chat or payment words). */
    double weakTargetThreshold() {
        return weakTargetThreshold;
    }

    String summary() {
        return summary;
    }

    float weight(int index) {
        return weights[index];
    }

    /** The raw score w·x plus a per-site adjustment, before the logistic function. */
    double margin(FeatureVector v, SiteAdjustment site) {
        return v.dot(weights, site);
    }

    double probability(FeatureVector v, SiteAdjustment site) {
        return sigmoid(margin(v, site));
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    /** The entries that pushed the score most toward spam ({@code sign} 1) or toward legitimate (-1), as names. */
    List<String> top(FeatureVector v, SiteAdjustment site, int sign, int k) {
        int[] best = new int[k];
        double[] contribution = new double[k];
        int found = 0;
        for (int i = 0; i < v.size(); i++) {
            double c = sign * (weights[v.index(i)] + site.delta(v.index(i))) * v.value(i);
            if (c <= 0.01 || (found == k && c <= contribution[k - 1])) {
                continue;
            }
            int at = Math.min(found, k - 1);
            while (at > 0 && contribution[at - 1] < c) {
                best[at] = best[at - 1];
                contribution[at] = contribution[at - 1];
                at--;
            }
            best[at] = i;
            contribution[at] = c;
            found = Math.min(found + 1, k);
        }
        List<String> names = new ArrayList<>();
        for (int j = 0; j < found; j++) {
            names.add(v.name(best[j]) + " " + (sign > 0 ? "+" : "-") + String.format(java.util.Locale.ROOT, "%.2f", contribution[j]));
        }
        return names;
    }

    byte[] toBytes() {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(weights.length);
            out.writeDouble(spamThreshold);
            out.writeDouble(suspectThreshold);
            out.writeDouble(weakTargetThreshold);
            out.writeUTF(summary);
            int nonZero = 0;
            for (float w : weights) {
                nonZero += w != 0 ? 1 : 0;
            }
            out.writeInt(nonZero);
            for (int i = 0; i < weights.length; i++) {
                if (weights[i] != 0) {
                    out.writeInt(i);
                    out.writeFloat(weights[i]);
                }
            }
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpamModel read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException(SpamTexts.notAModel());
        }
        int dimension = in.readInt();
        if (dimension != FeatureVector.DIMENSION) {
            throw new IOException(SpamTexts.notAModel());
        }
        double spam = in.readDouble();
        double suspect = in.readDouble();
        double weak = in.readDouble();
        String summary = in.readUTF();
        float[] weights = new float[dimension];
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            int index = in.readInt();
            if (index < 0 || index >= dimension) {
                throw new IOException(SpamTexts.notAModel());
            }
            weights[index] = in.readFloat();
        }
        return new SpamModel(weights, spam, suspect, weak, summary);
    }
}
