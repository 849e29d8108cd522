package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.schoolguard.testing.MutableClock;

class RateLimiterTest {

    static final Instant T0 = Instant.parse("2026-03-02T07:30:00Z");

    static RateLimitSettings settings(String perIp, String perRoute, String perUser, String site, int cacheSize) {
        return settings(perIp, "off", perRoute, perUser, site, cacheSize);
    }

    static RateLimitSettings settings(String perIp, String perNetwork, String perRoute, String perUser, String site, int cacheSize) {
        RateLimitSettings d = RateLimitSettings.defaults();
        return new RateLimitSettings(true, Limit.parseList(perIp).orElseThrow(), Limit.parseList(perNetwork).orElseThrow(),
                Limit.parseList(perRoute).orElseThrow(), Map.of(),
                Limit.parseList(perUser).orElseThrow(), Limit.parseList(site).orElseThrow(), List.of(), 64, cacheSize, "local",
                d.logEvery(), d.logBudget(), d.blockRefresh());
    }

    @Test
    void perAddressLimitRefusesTheSixthPostWithRetryAfterAndRefillsAsTimePasses() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(settings("5/1m", "off", "off", "off", 1000), BucketStore.local(1000, clock), "default");
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("comments", "203.0.113.7", null).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.tryAcquire("comments", "203.0.113.7", null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.level()).isEqualTo(RateLimiter.Level.PER_IP);
        // 5 per minute refills one every 12 seconds.
        assertThat(refused.retryAfterSeconds()).isEqualTo(12);
        assertThat(limiter.tryAcquire("comments", "203.0.113.8", null).allowed()).as("another address").isTrue();

        clock.advance(Duration.ofSeconds(11));
        assertThat(limiter.tryAcquire("comments", "203.0.113.7", null).allowed()).isFalse();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("comments", "203.0.113.7", null).allowed()).isTrue();
    }

    @Test
    void aFloodFromOneAddressDoesNotUseUpTheSiteLimitOfOthers() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(settings("3/1h", "off", "off", "10/1h", 1000), BucketStore.local(1000, clock), "default");
        int bot = 0;
        for (int i = 0; i < 500; i++) {
            if (limiter.tryAcquire("comments", "198.51.100.66", null).allowed()) {
                bot++;
            }
        }
        assertThat(bot).isEqualTo(3);
        int parents = 0;
        for (int i = 0; i < 7; i++) {
            if (limiter.tryAcquire("comments", "113.161.72." + i, null).allowed()) {
                parents++;
            }
        }
        assertThat(parents).as("the site cap has 10 - 3 = 7 left for everybody else").isEqualTo(7);
        RateLimiter.Decision capped = limiter.tryAcquire("comments", "113.161.72.200", null);
        assertThat(capped.level()).isEqualTo(RateLimiter.Level.SITE);
    }

    @Test
    void addressesOfOneNetworkShareTheNetworkLimitSoAPoolOfBotsCannotTakeTheRouteFromOthers() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(settings("10/1m", "5/1m", "20/1m", "off", "off", 1000), BucketStore.local(1000, clock), "default");
        int bots = 0;
        for (int i = 0; i < 250; i++) {
            if (limiter.tryAcquire("comments", "171.224.7." + i, null).allowed()) {
                bots++;
            }
        }
        assertThat(bots).isEqualTo(5);
        assertThat(limiter.tryAcquire("comments", "171.224.7.9", null).level()).isEqualTo(RateLimiter.Level.PER_NETWORK);
        int parents = 0;
        for (int i = 0; i < 15; i++) {
            if (limiter.tryAcquire("comments", "113.161." + i + ".5", null).allowed()) {
                parents++;
            }
        }
        assertThat(parents).as("20 - 5 left on the route for other networks").isEqualTo(15);
        assertThat(ClientKey.network("2001:db8:1:2::1")).isEqualTo(ClientKey.network("2001:db8:1:ffff::1")).isEqualTo("2001:db8:1::/48");
    }

    @Test
    void whenALaterLevelRefusesTheEarlierLevelsGetTheirTokenBack() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(settings("2/1h", "1/1h", "off", "off", 1000), BucketStore.local(1000, clock), "default");
        assertThat(limiter.tryAcquire("comments", "203.0.113.7", null).allowed()).isTrue();
        // The route is used up: these are refused by the route, and must not count against the address.
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("comments", "203.0.113.7", null).level()).isEqualTo(RateLimiter.Level.PER_ROUTE);
        }
        assertThat(limiter.tryAcquire("guestbook", "203.0.113.7", null).allowed()).as("its second token is still there").isTrue();
        assertThat(limiter.tryAcquire("news", "203.0.113.7", null).level()).isEqualTo(RateLimiter.Level.PER_IP);
    }

    @Test
    void perUserLimitFollowsTheSignedInUserAcrossAddresses() {
        MutableClock clock = new MutableClock(T0);
        RateLimiter limiter = new RateLimiter(settings("off", "off", "2/1h", "off", 1000), BucketStore.local(1000, clock), "default");
        assertThat(limiter.tryAcquire("comments", "10.0.0.1", "hs.lan").allowed()).isTrue();
        assertThat(limiter.tryAcquire("comments", "10.0.0.2", "hs.lan").allowed()).isTrue();
        assertThat(limiter.tryAcquire("comments", "10.0.0.3", "hs.lan").level()).isEqualTo(RateLimiter.Level.PER_USER);
        assertThat(limiter.tryAcquire("comments", "10.0.0.3", null).allowed()).as("anonymous posts are not per-user").isTrue();
    }

    @Test
    void ipv6AddressesOfOneSlash64ShareOneKeyAndIpv4MappedCountsAsIpv4() {
        assertThat(ClientKey.of("2001:db8:1:2::1", 64)).isEqualTo(ClientKey.of("2001:db8:1:2:ffff:ffff:ffff:fffe", 64))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientKey.of("2001:db8:1:3::1", 64)).isNotEqualTo(ClientKey.of("2001:db8:1:2::1", 64));
        assertThat(ClientKey.of("::ffff:203.0.113.7", 64)).isEqualTo("203.0.113.7");
        assertThat(ClientKey.of("203.0.113.7", 64)).isEqualTo("203.0.113.7");
        assertThat(ClientKey.of("2001:db8:1:2::1", 128)).isEqualTo("2001:db8:1:2::1/128");
    }

    @Test
    void aMillionDistinctAddressesKeepTheLocalBucketsWithinTheCacheSize() {
        MutableClock clock = new MutableClock(T0);
        BucketStore store = BucketStore.local(1_000, clock);
        RateLimiter limiter = new RateLimiter(settings("5/1m", "off", "off", "off", 1_000), store, "default");
        for (int i = 0; i < 1_000_000; i++) {
            String address = (i >>> 16 & 0xFF) + "." + (i >>> 8 & 0xFF) + "." + (i & 0xFF) + ".9";
            assertThat(limiter.tryAcquire("comments", address, null).allowed()).isTrue();
            if (i % 100_000 == 0) {
                assertThat(store.estimatedSize()).isLessThanOrEqualTo(1_000);
            }
        }
        assertThat(store.estimatedSize()).isLessThanOrEqualTo(1_000);
    }

    @Test
    void idleBucketsExpireOnceTheyWouldBeFullAgain() {
        MutableClock clock = new MutableClock(T0);
        BucketStore store = BucketStore.local(1_000, clock);
        RateLimiter limiter = new RateLimiter(settings("5/1m", "off", "off", "off", 1_000), store, "default");
        for (int i = 0; i < 100; i++) {
            limiter.tryAcquire("comments", "203.0.113." + i, null);
        }
        assertThat(store.estimatedSize()).isEqualTo(100);
        clock.advance(Duration.ofMinutes(2));
        assertThat(store.estimatedSize()).isZero();
    }
}
