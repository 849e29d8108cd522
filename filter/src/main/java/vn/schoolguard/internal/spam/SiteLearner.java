package vn.schoolguard.internal.spam;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Per-site learning from moderators' decisions (approve = legitimate, spam = spam): small per-site deltas
 * added to the global model's weights, learned online and held close to it (each step also shrinks the
 * deltas it touches toward zero, L2), so one site's habits never replace what the corpus taught.
 *
 * <ul>
 * <li>Class balance: the deltas count only once the site has at least {@code minPerClass} decisions of each
 *     kind, and each step is weighted by the other class's share, so a run of one kind cannot tip the model.</li>
 * <li>Shadow mode ({@code spam.site-learning=shadow}): scores stay the global model's; what the site's model
 *     would decide is added as a {@code model.site-shadow} reason (weight 0) for moderators to compare.</li>
 * <li>Forgetting: every decision's step is kept by submission id; when a moderator overrules a decision,
 *     {@link #forget} takes that step back before the new one is learned.</li>
 * </ul>
 * Thread-safe (synchronized); state is kept by a {@link SiteLearningStore}.
 */
public final class SiteLearner implements SiteAdjustment {

    /** What the learned deltas do to scores. */
    public enum Mode { OFF, SHADOW, ON;

        public static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    static final double RATE = 0.5;
    static final double L2 = 0.01;
    /** No delta grows beyond this: the global model keeps the last word. */
    static final float MAX_DELTA = 2f;

    private final SpamScorer scorer;
    private final SiteLearningStore store;
    private final Mode mode;
    private final int minPerClass;
    private final Map<Integer, Float> deltas;
    private final int[] decisions;

    public SiteLearner(SpamScorer scorer, SiteLearningStore store, Mode mode, int minPerClass) {
        this.scorer = scorer;
        this.store = store;
        this.mode = mode;
        this.minPerClass = minPerClass;
        this.deltas = new HashMap<>(store.deltas());
        this.decisions = store.decisionCounts();
    }

    public Mode mode() {
        return mode;
    }

    /** Whether both classes have enough decisions for the deltas to count. */
    public synchronized boolean balanced() {
        return decisions[0] >= minPerClass && decisions[1] >= minPerClass;
    }

    @Override
    public synchronized float delta(int index) {
        Float d = deltas.get(index);
        return d == null ? 0 : d;
    }

    /** The score of a submission under this site's settings: global, shadowed, or adjusted. */
    public SpamScore score(ScoringInput input) {
        if (mode == Mode.OFF || !balanced()) {
            return scorer.score(input);
        }
        if (mode == Mode.ON) {
            return scorer.score(input, this);
        }
        SpamScore global = scorer.score(input);
        SpamScore site = scorer.score(input, this);
        java.util.List<Reason> reasons = new java.util.ArrayList<>(global.reasons());
        reasons.add(new Reason(SpamScorer.MODEL_RULE_PREFIX + "site-shadow", SpamTexts.siteShadow(site.verdict().key()), 0));
        return new SpamScore(global.verdict(), global.score(), reasons);
    }

    /** Learns one moderator decision on a submission; a new decision on the same one replaces the old. */
    public synchronized void learn(long submissionId, ScoringInput input, boolean spam) {
        forget(submissionId);
        FeatureVector v = scorer.analyse(input).features();
        double p = scorer.model().probability(v, this);
        int total = decisions[0] + decisions[1] + 1;
        int same = decisions[spam ? 1 : 0] + 1;
        double balance = Math.max(0.5, Math.min(2.0, total / (2.0 * same)));
        double error = (p - (spam ? 1 : 0)) * balance;
        Map<Integer, Float> step = new HashMap<>();
        for (int i = 0; i < v.size(); i++) {
            int index = v.index(i);
            float before = delta(index);
            double g = error * v.value(i) + L2 * before;
            float after = (float) Math.max(-MAX_DELTA, Math.min(MAX_DELTA, before - RATE * g));
            deltas.put(index, after);
            step.merge(index, after - before, Float::sum);
        }
        decisions[spam ? 1 : 0]++;
        store.saveDecision(submissionId, spam, step, changed(step));
    }

    /** Takes back what a decision taught (a moderator overruled it); nothing when there was none. */
    public synchronized void forget(long submissionId) {
        SiteLearningStore.Decision old = store.decision(submissionId);
        if (old == null) {
            return;
        }
        Map<Integer, Float> undo = new HashMap<>();
        for (Map.Entry<Integer, Float> e : old.step().entrySet()) {
            float after = delta(e.getKey()) - e.getValue();
            deltas.put(e.getKey(), after);
            undo.put(e.getKey(), after);
        }
        decisions[old.spam() ? 1 : 0] = Math.max(0, decisions[old.spam() ? 1 : 0] - 1);
        store.removeDecision(submissionId, undo);
    }

    /** Decisions learned so far: [legitimate, spam]. */
    public synchronized int[] decisions() {
        return decisions.clone();
    }

    private Map<Integer, Float> changed(Map<Integer, Float> step) {
        Map<Integer, Float> now = new HashMap<>();
        for (Integer index : step.keySet()) {
            now.put(index, delta(index));
        }
        return now;
    }
}
