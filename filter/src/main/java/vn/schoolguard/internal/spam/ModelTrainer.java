package vn.schoolguard.internal.spam;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Logistic regression by stochastic gradient descent with per-weight (AdaGrad) step sizes and L2
 * regularization, reproducible: examples in the order given, shuffled each epoch by a fixed seed, every
 * operation in {@code double} (Java's floating point is the same on every platform).
 */
final class ModelTrainer {

    /** One training example: a sparse vector, its label and its weight (legitimate texts weigh more). */
    record Example(int[] indices, float[] values, boolean spam, double weight) {

        static Example of(FeatureVector v, boolean spam, double weight) {
            int[] indices = new int[v.size()];
            float[] values = new float[v.size()];
            for (int i = 0; i < v.size(); i++) {
                indices[i] = v.index(i);
                values[i] = v.value(i);
            }
            return new Example(indices, values, spam, weight);
        }
    }

    static final long SEED = 20260601L;
    static final int EPOCHS = 20;
    static final double RATE = 0.2;
    static final double L2 = 3e-6;

    private ModelTrainer() {
    }

    /** Weights for the examples; the same examples in the same order give the same weights, bit for bit. */
    static float[] train(List<Example> examples) {
        double[] w = new double[FeatureVector.DIMENSION];
        double[] g2 = new double[FeatureVector.DIMENSION];
        List<Example> order = new ArrayList<>(examples);
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            java.util.Collections.shuffle(order, random);
            for (Example e : order) {
                step(w, g2, e);
            }
        }
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return weights;
    }

    private static void step(double[] w, double[] g2, Example e) {
        double z = 0;
        for (int i = 0; i < e.indices.length; i++) {
            z += w[e.indices[i]] * e.values[i];
        }
        double p = SpamModel.sigmoid(z);
        double error = (p - (e.spam ? 1 : 0)) * e.weight;
        for (int i = 0; i < e.indices.length; i++) {
            int j = e.indices[i];
            double g = error * e.values[i] + L2 * w[j];
            g2[j] += g * g;
            w[j] -= RATE * g / Math.sqrt(g2[j] + 1e-8);
        }
    }
}
