package vn.schoolguard.internal.spam;

import java.util.HashMap;
import java.util.Map;

/**
 * Where one site's learned deltas and its decisions' steps are kept. {@link #inMemory()} for tests and the
 * command line; the filter uses the database ({@code vn.schoolguard.internal.store.JdbcSiteLearningStore}).
 * Implementations must be thread-safe; {@link SiteLearner} calls them under its own lock.
 */
public interface SiteLearningStore {

    /** One learned decision: its label and what it added to each delta. */
    record Decision(boolean spam, Map<Integer, Float> step) {
    }

    /** Every non-zero delta. */
    Map<Integer, Float> deltas();

    /** Decisions kept: [legitimate, spam]. */
    int[] decisionCounts();

    /** The kept decision on a submission, or null. */
    Decision decision(long submissionId);

    /** Keeps a decision's step and the deltas it changed (their new values). */
    void saveDecision(long submissionId, boolean spam, Map<Integer, Float> step, Map<Integer, Float> deltas);

    /** Drops a decision and writes the deltas its removal changed. */
    void removeDecision(long submissionId, Map<Integer, Float> deltas);

    /** A store in the heap. */
    static SiteLearningStore inMemory() {
        return new SiteLearningStore() {
            private final Map<Integer, Float> deltas = new HashMap<>();
            private final Map<Long, Decision> decisions = new HashMap<>();

            @Override
            public synchronized Map<Integer, Float> deltas() {
                return Map.copyOf(deltas);
            }

            @Override
            public synchronized int[] decisionCounts() {
                int[] counts = new int[2];
                decisions.values().forEach(d -> counts[d.spam() ? 1 : 0]++);
                return counts;
            }

            @Override
            public synchronized Decision decision(long submissionId) {
                return decisions.get(submissionId);
            }

            @Override
            public synchronized void saveDecision(long submissionId, boolean spam, Map<Integer, Float> step, Map<Integer, Float> changed) {
                decisions.put(submissionId, new Decision(spam, Map.copyOf(step)));
                deltas.putAll(changed);
            }

            @Override
            public synchronized void removeDecision(long submissionId, Map<Integer, Float> changed) {
                decisions.remove(submissionId);
                deltas.putAll(changed);
            }
        };
    }
}
