package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcRateLimitStorage;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/**
 * The gate only decides: block, limit or let through, and whether the IP log gets the refusal in full; the caller
 * writes the entry. A clock is advanced, never slept on.
 */
class SubmissionGateTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T07:00:00Z"));
    private final Database database = Databases.open(Databases.Kind.H2);
    private final BlockList blocks = new BlockList(new JdbcRateLimitStorage(database).blocks("default"), clock, Duration.ofSeconds(10));
    private final SubmissionGate gate = gate(RateLimiterTest.settings("5/1m", "off", "off", "off", 1000));

    private SubmissionGate gate(RateLimitSettings settings) {
        return new SubmissionGate(settings, blocks, BucketStore.local(1000, clock), "default", clock);
    }

    @AfterEach
    void close() {
        gate.close();
        database.close();
    }

    private static ClientAddress peer(String ip) {
        return new ClientAddress(ip, 40000, ip, 40000, null, false, false);
    }

    private static ClientAddress forwardedFor(String ip) {
        return new ClientAddress(ip, 40000, "10.0.0.2", 51000, "X-Forwarded-For: " + ip, false, true);
    }

    @Test
    void postsWithinTheLimitGoOn() {
        for (int i = 0; i < 5; i++) {
            assertThat(gate.check("comments", peer("203.0.113.7"), null)).isEmpty();
        }
    }

    @Test
    void theSixthPostIsLimitedWithRetryAfterAndOnlyTheFirstRefusalIsLoggedInFull() {
        for (int i = 0; i < 5; i++) {
            gate.check("comments", peer("203.0.113.7"), null);
        }
        SubmissionGate.Refusal first = gate.check("comments", peer("203.0.113.7"), null).orElseThrow();
        assertThat(first.kind()).isEqualTo(SubmissionGate.Kind.LIMITED);
        assertThat(first.kind().status()).isEqualTo(429);
        assertThat(first.retryAfterSeconds()).isEqualTo(12);
        assertThat(first.outcome()).isEqualTo(Outcome.RATE_LIMITED);
        assertThat(first.clientKey()).isEqualTo("203.0.113.7");
        assertThat(first.logged()).isTrue();

        Optional<SubmissionGate.Refusal> again = gate.check("comments", peer("203.0.113.7"), null);
        assertThat(again).hasValueSatisfying(r -> assertThat(r.logged()).as("counted, not written").isFalse());
        assertThat(gate.refusalsCounted()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(11));
        assertThat(gate.check("comments", peer("203.0.113.7"), null)).as("not refilled yet").isPresent();
        clock.advance(Duration.ofMinutes(2));
        assertThat(gate.check("comments", peer("203.0.113.7"), null)).as("refilled").isEmpty();
        assertThat(gate.check("comments", peer("203.0.113.8"), null)).as("another address").isEmpty();
    }

    @Test
    void aBlockedAddressIsRefusedWith403BeforeAnyRateLimit() {
        blocks.add(new BlockRequest("198.51.100.0/24", "gambling spam flood", null, null), "moderator");

        SubmissionGate.Refusal refusal = gate.check("comments", forwardedFor("198.51.100.23"), null).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(SubmissionGate.Kind.BLOCKED);
        assertThat(refusal.kind().status()).isEqualTo(403);
        assertThat(refusal.retryAfterSeconds()).isZero();
        assertThat(refusal.outcome()).isEqualTo(Outcome.BLOCKED);
        assertThat(refusal.detail()).contains("198.51.100.0/24");
        assertThat(refusal.logged()).isTrue();
        assertThat(gate.check("comments", peer("203.0.113.7"), null)).as("another network").isEmpty();
    }

    @Test
    void aLoopbackSocketPeerSharesNoPerAddressBucketButAForwardedLoopbackAddressDoes() {
        for (int i = 0; i < 20; i++) {
            assertThat(gate.check("comments", peer("127.0.0.1"), null)).as("local proxy, post %d", i).isEmpty();
        }
        for (int i = 0; i < 5; i++) {
            gate.check("comments", forwardedFor("127.0.0.1"), null);
        }
        assertThat(gate.check("comments", forwardedFor("127.0.0.1"), null))
                .as("a forwarding header cannot claim to be this machine")
                .hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(SubmissionGate.Kind.LIMITED));
    }

    @Test
    void anIpv6ClientIsLimitedByItsPrefix() {
        for (int i = 0; i < 5; i++) {
            assertThat(gate.check("comments", peer("2001:db8:1:2::" + (i + 1)), null)).isEmpty();
        }
        SubmissionGate.Refusal refusal = gate.check("comments", peer("2001:db8:1:2::99"), null).orElseThrow();
        assertThat(refusal.kind()).isEqualTo(SubmissionGate.Kind.LIMITED);
        assertThat(refusal.clientKey()).doesNotEndWith("::99");
    }
}
