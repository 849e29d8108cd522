package vn.schoolguard.internal.store;

import vn.schoolguard.internal.db.Database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.testing.Databases;

/** Per-site learning state in the database: H2 file and PostgreSQL. */
class JdbcSiteLearningStoreTest {

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void decisionsAndDeltasReadBackPerSiteAndAnOverruledDecisionGoes(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcSiteLearningStore site = new JdbcSiteLearningStore(db, "ngoquyen");
            JdbcSiteLearningStore other = new JdbcSiteLearningStore(db, "lachtray");
            site.saveDecision(7, true, Map.of(3, 0.25f, -5, -1e-7f, Integer.MAX_VALUE, Float.MIN_VALUE),
                    Map.of(3, 0.25f, -5, -1e-7f, Integer.MAX_VALUE, Float.MIN_VALUE));
            site.saveDecision(8, false, Map.of(3, -0.5f), Map.of(3, -0.25f));
            assertThat(site.deltas()).containsExactlyInAnyOrderEntriesOf(Map.of(3, -0.25f, -5, -1e-7f, Integer.MAX_VALUE, Float.MIN_VALUE));
            assertThat(site.decisionCounts()).containsExactly(1, 1);
            assertThat(site.decision(7).step()).containsEntry(-5, -1e-7f).containsEntry(Integer.MAX_VALUE, Float.MIN_VALUE);
            assertThat(other.deltas()).isEmpty();
            assertThat(other.decision(7)).isNull();
            site.removeDecision(8, Map.of(3, 0f));
            assertThat(site.decision(8)).isNull();
            assertThat(site.deltas()).doesNotContainKey(3);
            assertThat(site.decisionCounts()).containsExactly(0, 1);
        }
    }
}
