package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.testing.Databases;

/**
 * Update-or-insert writes racing for the same key: two nodes (or two first requests of one site) seeding one account
 * or saving one site's home check at the same moment. Before, the loser's insert failed and its poster got a 500.
 */
class ConcurrentUpsertTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 15;

    static java.util.stream.Stream<Databases.Kind> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void regressionSeedingOneAccountFromSeveralPlacesAtOnceNeverFails(Databases.Kind kind) throws Exception {
        try (Database db = Databases.open(kind)) {
            JdbcAccountStore accounts = new JdbcAccountStore(db, "thcs-lachtray");
            JdbcHomeChecks checks = new JdbcHomeChecks(db);
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    String name = "moderator-" + round;
                    String site = "site-" + round;
                    CyclicBarrier start = new CyclicBarrier(THREADS);
                    List<Future<?>> writes = new ArrayList<>();
                    for (int t = 0; t < THREADS; t++) {
                        int thread = t;
                        writes.add(pool.submit(() -> {
                            start.await();
                            accounts.upsert(name, "hash-" + thread, Set.of("moderator"), Instant.now());
                            checks.save(new HomeCheck(site, Instant.now(), "http://x/", 200, true, true, true, ""));
                            return null;
                        }));
                    }
                    for (Future<?> write : writes) {
                        write.get();
                    }
                    assertThat(accounts.find(name)).isPresent();
                    assertThat(checks.latest(site)).isPresent();
                }
                assertThat(accounts.list()).hasSize(ROUNDS);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
