package vn.schoolguard.internal.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;

/**
 * The stacked limits on submissions: per client address, per network (IPv4 /24, IPv6 /48), per signed-in
 * user, per route and site-wide, in that order. A submission must fit all of them; when a later level refuses, the tokens taken by the
 * earlier ones are given back, so a bot that exhausts its own address's limit never eats into the
 * route's or the site's, and real posters from other addresses keep getting through. Thread-safe.
 */
final class RateLimiter {

    /** A level of the stack, named as in the settings. */
    enum Level {
        PER_IP, PER_NETWORK, PER_USER, PER_ROUTE, SITE;

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** The answer: allowed, or refused by a level with the seconds until it allows one more. */
    record Decision(boolean allowed, Level level, List<Limit> limits, long retryAfterSeconds) {
        static final Decision ALLOWED = new Decision(true, null, List.of(), 0);
    }

    private final ProxyManager<String> proxies;
    private final String siteKey;
    private final RateLimitSettings settings;
    private final Config perIp;
    private final Config perNetwork;
    private final Config perUser;
    private final Config site;
    private final Map<String, Config> perRoute = new HashMap<>();
    private final Config defaultPerRoute;

    RateLimiter(RateLimitSettings settings, BucketStore store, String siteKey) {
        this.proxies = store.proxies();
        this.siteKey = siteKey;
        this.settings = settings;
        this.perIp = Config.of(settings.perIp());
        this.perNetwork = Config.of(settings.perNetwork());
        this.perUser = Config.of(settings.perUser());
        this.site = Config.of(settings.site());
        this.defaultPerRoute = Config.of(settings.perRoute());
        settings.routeOverrides().forEach((route, limits) -> perRoute.put(route, Config.of(limits)));
    }

    /**
     * Takes one token at every level, or none.
     *
     * @param route     the route name
     * @param clientKey the client's key ({@link ClientKey#of}), or null to skip the per-address level
     * @param user      the signed-in application user, or null
     * @throws RuntimeException when shared buckets cannot be reached (the caller answers 503)
     */
    Decision tryAcquire(String route, String clientKey, String user) {
        List<BucketProxy> taken = new ArrayList<>(4);
        Decision refused = clientKey == null ? null : take(taken, Level.PER_IP, perIp, clientKey);
        if (refused == null && clientKey != null && perNetwork != null) {
            refused = take(taken, Level.PER_NETWORK, perNetwork, ClientKey.network(clientKey.endsWith("/" + settings.ipv6Prefix())
                    ? clientKey.substring(0, clientKey.lastIndexOf('/')) : clientKey));
        }
        if (refused == null && user != null && !user.isEmpty()) {
            refused = take(taken, Level.PER_USER, perUser, user);
        }
        if (refused == null) {
            refused = take(taken, Level.PER_ROUTE, perRoute.getOrDefault(route, defaultPerRoute), route);
        }
        if (refused == null) {
            refused = take(taken, Level.SITE, site, "");
        }
        if (refused == null) {
            return Decision.ALLOWED;
        }
        for (BucketProxy bucket : taken) {
            bucket.addTokens(1);
        }
        return refused;
    }

    private Decision take(List<BucketProxy> taken, Level level, Config config, String id) {
        if (config == null) {
            return null;
        }
        // The limits' text is part of the key, so changed settings start fresh buckets instead of
        // meeting stored ones built for the old limits.
        String key = siteKey + "|" + level.key() + "|" + config.version + "|" + id;
        BucketProxy bucket = proxies.getProxy(key, config.supplier);
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            taken.add(bucket);
            return null;
        }
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, level, config.limits, seconds);
    }

    RateLimitSettings settings() {
        return settings;
    }

    /** A level's bucket configuration, built once. */
    private record Config(List<Limit> limits, BucketConfiguration configuration, String version,
                          java.util.function.Supplier<BucketConfiguration> supplier) {
        static Config of(List<Limit> limits) {
            if (limits.isEmpty()) {
                return null;
            }
            var builder = BucketConfiguration.builder();
            for (Limit limit : limits) {
                builder.addLimit(Bandwidth.builder().capacity(limit.tokens()).refillGreedy(limit.tokens(), limit.period()).build());
            }
            BucketConfiguration configuration = builder.build();
            String version = Integer.toHexString(Limit.format(limits).hashCode());
            return new Config(limits, configuration, version, () -> configuration);
        }
    }
}
