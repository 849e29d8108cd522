package vn.schoolguard.internal.store;

import java.time.Instant;

import vn.schoolguard.internal.moderation.Submission;

/** A stored-looking sample submission for tests in other packages. */
public final class SubmissionStoreTestAccess {

    private SubmissionStoreTestAccess() {
    }

    public static Submission sample(long id) {
        return SubmissionStoreTest.sample("default", "ABCD-EFGH", "Chào", Instant.parse("2026-12-01T07:00:00Z")).withId(id);
    }
}
