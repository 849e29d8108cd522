package vn.schoolguard.internal.moderation;

import vn.schoolguard.internal.db.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link SubmissionQueries} answered by a {@link SubmissionRepository}, scoped to one site key. */
final class StoreQueries implements SubmissionQueries {

    private final SubmissionRepository store;
    private final String siteKey;

    StoreQueries(SubmissionRepository store, String siteKey) {
        this.store = store;
        this.siteKey = siteKey;
    }

    @Override
    public Optional<Submission> find(long id) {
        return store.find(siteKey, id);
    }

    @Override
    public Optional<Submission> findByReceipt(String receipt) {
        return store.findByReceipt(siteKey, receipt);
    }

    @Override
    public Page<Submission> search(SubmissionQuery query) {
        return store.search(siteKey, query);
    }

    @Override
    public Map<Status, Long> countByStatus() {
        return store.countByStatus(siteKey);
    }

    @Override
    public List<Decision> history(long submissionId) {
        return store.history(siteKey, submissionId);
    }

    @Override
    public Page<Decision> recentDecisions(int limit, int offset) {
        return store.recentDecisions(siteKey, limit, offset);
    }

    @Override
    public List<String> sessionValueNames(long submissionId) {
        return store.sessionValues(siteKey, submissionId).names();
    }
}
