package vn.schoolguard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.ratelimit.BlockRequest;
import vn.schoolguard.internal.ratelimit.Limit;
import vn.schoolguard.internal.ratelimit.RateLimitSettings;
import vn.schoolguard.internal.ratelimit.SubmissionGate;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.housekeeping.Housekeeping;
import vn.schoolguard.internal.store.JdbcRateLimitStorage;
import vn.schoolguard.internal.db.StoreSettings;

/**
 * The cost of the submission gate with local buckets: the check on an accepted submission (four stacked
 * levels), a refused one (address over its limit) and one from a blocked network.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar RateLimitBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RateLimitBenchmark {

    private Database database;
    private SubmissionGate gate;
    private Housekeeping housekeeping;
    private String[] addresses;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path dir = Files.createTempDirectory("sg-bench-ratelimit");
        database = Database.open(new StoreSettings(StoreSettings.h2Url(dir), "sa", "", 4, Duration.ofSeconds(3)));
        RateLimitSettings d = RateLimitSettings.defaults();
        // Limits high enough that distinct addresses are always accepted: the check itself is measured.
        List<Limit> wide = List.of(new Limit(1_000_000_000L, Duration.ofMinutes(1)));
        RateLimitSettings settings = new RateLimitSettings(true, List.of(new Limit(5, Duration.ofMinutes(1))), wide, wide, Map.of(),
                wide, wide, List.of(), 64, 100_000, "local", d.logEvery(), d.logBudget(), d.blockRefresh());
        housekeeping = Housekeeping.ownThread();
        gate = SubmissionGate.create(settings, new JdbcRateLimitStorage(database), "default", Clock.systemUTC(), housekeeping);
        gate.blockList().add(new BlockRequest("198.51.100.0/24", "benchmark", null, null), "bench");
        addresses = new String[50_000];
        for (int i = 0; i < addresses.length; i++) {
            addresses[i] = "10." + (i >>> 16 & 0xFF) + "." + (i >>> 8 & 0xFF) + "." + (i & 0xFF);
        }
        // Use up the limit of the flooding address.
        for (int i = 0; i < 10; i++) {
            gate.check("comments", peer("203.0.113.66"), null);
        }
    }

    @TearDown
    public void tearDown() {
        gate.close();
        housekeeping.close();
        database.close();
    }

    /** An accepted submission: block list, per-address, per-network, per-route and site buckets (5/1m per address allows it). */
    @Benchmark
    public Optional<SubmissionGate.Refusal> accepted() {
        // 50,000 addresses in turn: each is back to a full bucket long before its turn comes again.
        String address = addresses[next++ % addresses.length];
        return gate.check("comments", peer(address), null);
    }

    /** A submission from an address over its limit: 429 without touching anything else. */
    @Benchmark
    public Optional<SubmissionGate.Refusal> refusedOverLimit() {
        return gate.check("comments", peer("203.0.113.66"), null);
    }

    /** A submission from a blocked network: 403 from the in-memory copy of the block list. */
    @Benchmark
    public Optional<SubmissionGate.Refusal> refusedBlocked() {
        return gate.check("comments", peer("198.51.100.23"), null);
    }


    /** A client connected directly (no forwarding), as most benchmark posters are. */
    private static ClientAddress peer(String ip) {
        return new ClientAddress(ip, 40000, ip, 40000, null, false, false);
    }
}
