package vn.schoolguard.internal.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.schoolguard.internal.config.ConfigReader;
import vn.schoolguard.internal.net.Cidr;

/**
 * Rate limits on submission routes ({@code ratelimit.*}). Each limit is a list such as {@code 5/1m, 20/1h};
 * {@code off} turns one level off. The levels stack: a submission must fit every one of them.
 *
 * @param enabled         {@code ratelimit.enabled}: false turns rate limiting off (the block list still applies)
 * @param perIp           {@code ratelimit.per-ip}: per client address (IPv6 grouped by {@code ipv6Prefix})
 * @param perNetwork      {@code ratelimit.per-network}: per network (IPv4 /24, IPv6 /48), so that a pool of
 *                        addresses in one network shares one limit
 * @param perRoute        {@code ratelimit.per-route}: per route as a whole, all posters together
 * @param routeOverrides  {@code ratelimit.per-route.<route>}: a route's own per-route limit
 * @param perUser         {@code ratelimit.per-user}: per signed-in application user
 * @param site            {@code ratelimit.site}: the whole site, all routes together
 * @param exempt          {@code ratelimit.exempt}: address blocks never rate limited (e.g. the school office)
 * @param ipv6Prefix      {@code ratelimit.ipv6-prefix}: IPv6 clients sharing this prefix share a bucket (default 64)
 * @param buckets         where buckets are kept
 * @param rejections      how rejections reach the IP log
 * @param blockRefresh    {@code ratelimit.block-refresh}: how often a node re-reads the shared block list
 */
public record RateLimitSettings(boolean enabled, List<Limit> perIp, List<Limit> perNetwork, List<Limit> perRoute, Map<String, List<Limit>> routeOverrides,
                                List<Limit> perUser, List<Limit> site, List<Cidr> exempt, int ipv6Prefix, Buckets buckets,
                                Rejections rejections, Duration blockRefresh) {

    /**
     * @param cacheSize {@code ratelimit.cache-size}: most buckets kept in memory on one node
     * @param store     {@code ratelimit.store}: {@code local} (memory of this node), {@code database} (PostgreSQL, shared
     *                  by every node) or {@code auto} (database when the store is PostgreSQL)
     */
    public record Buckets(int cacheSize, String store) {
    }

    /**
     * @param logEvery  {@code ratelimit.log-every}: the first rejection of an address in this period is written to the
     *                  IP log in full; the rest are counted and the count goes to the mirror logger
     * @param logBudget {@code ratelimit.log-budget}: at most this many rejection entries reach the IP log site-wide
     */
    public record Rejections(Duration logEvery, List<Limit> logBudget) {
        public Rejections {
            logBudget = List.copyOf(logBudget);
        }
    }

    /** Defaults for a school site: a class in one computer room (one NAT address) can still post together. */
    static final String DEFAULT_PER_IP = "10/1m, 60/1h";
    static final String DEFAULT_PER_NETWORK = "10/1m, 60/1h";
    static final String DEFAULT_PER_ROUTE = "60/1m, 600/1h";
    static final String DEFAULT_PER_USER = "10/1m, 100/1h";
    static final String DEFAULT_SITE = "120/1m, 2000/1h";
    static final String LIMIT_EXPECTED = "a list of count/period such as 5/1m, 20/1h (period 1s to 1d), or off";

    public RateLimitSettings {
        perIp = List.copyOf(perIp);
        perNetwork = List.copyOf(perNetwork);
        perRoute = List.copyOf(perRoute);
        routeOverrides = Map.copyOf(routeOverrides);
        perUser = List.copyOf(perUser);
        site = List.copyOf(site);
        exempt = List.copyOf(exempt);
    }

    /** All the settings by name, as they are read. */
    public RateLimitSettings(boolean enabled, List<Limit> perIp, List<Limit> perNetwork, List<Limit> perRoute,
                             Map<String, List<Limit>> routeOverrides, List<Limit> perUser, List<Limit> site, List<Cidr> exempt,
                             int ipv6Prefix, int cacheSize, String store, Duration logEvery, List<Limit> logBudget,
                             Duration blockRefresh) {
        this(enabled, perIp, perNetwork, perRoute, routeOverrides, perUser, site, exempt, ipv6Prefix,
                new Buckets(cacheSize, store), new Rejections(logEvery, logBudget), blockRefresh);
    }

    public int cacheSize() {
        return buckets.cacheSize();
    }

    public String store() {
        return buckets.store();
    }

    public Duration logEvery() {
        return rejections.logEvery();
    }

    public List<Limit> logBudget() {
        return rejections.logBudget();
    }

    /** Settings with every default, for tests and tools. */
    public static RateLimitSettings defaults() {
        return new RateLimitSettings(true, parse(DEFAULT_PER_IP), parse(DEFAULT_PER_NETWORK), parse(DEFAULT_PER_ROUTE), Map.of(), parse(DEFAULT_PER_USER),
                parse(DEFAULT_SITE), List.of(), 64, 100_000, "auto", Duration.ofMinutes(1), parse("300/1m"), Duration.ofSeconds(10));
    }

    /**
     * Reads the {@code ratelimit.*} keys.
     *
     * @param routeNames the configured submission routes, so that an override for an unknown route is reported
     * @param postgres   whether the store is PostgreSQL (shared buckets need it)
     */
    public static RateLimitSettings read(ConfigReader reader, Set<String> routeNames, boolean postgres) {
        boolean enabled = reader.bool("ratelimit.enabled", true);
        List<Limit> perIp = limits(reader, "ratelimit.per-ip", DEFAULT_PER_IP);
        List<Limit> perNetwork = limits(reader, "ratelimit.per-network", DEFAULT_PER_NETWORK);
        List<Limit> perRoute = limits(reader, "ratelimit.per-route", DEFAULT_PER_ROUTE);
        Map<String, List<Limit>> overrides = new LinkedHashMap<>();
        for (String name : reader.names("ratelimit.per-route.")) {
            String key = "ratelimit.per-route." + name;
            List<Limit> limits = limits(reader, key, DEFAULT_PER_ROUTE);
            if (!routeNames.contains(name)) {
                reader.problem(key, reader.raw(key), "a configured route name after ratelimit.per-route. (routes: "
                        + String.join(", ", routeNames) + ")");
            }
            overrides.put(name, limits);
        }
        List<Limit> perUser = limits(reader, "ratelimit.per-user", DEFAULT_PER_USER);
        List<Limit> site = limits(reader, "ratelimit.site", DEFAULT_SITE);
        List<Cidr> exempt = new ArrayList<>();
        for (String item : reader.list("ratelimit.exempt", List.of())) {
            Optional<Cidr> cidr = Cidr.parse(item);
            if (cidr.isEmpty()) {
                reader.problem("ratelimit.exempt", item, "IP addresses or CIDR blocks such as 203.0.113.0/24, separated by commas");
            } else {
                exempt.add(cidr.get());
            }
        }
        int ipv6Prefix = reader.integer("ratelimit.ipv6-prefix", 64, 32, 128);
        int cacheSize = reader.integer("ratelimit.cache-size", 100_000, 1_000, 10_000_000);
        String store = reader.choice("ratelimit.store", "auto", "auto", "local", "database");
        if (store.equals("database") && !postgres) {
            reader.problem("ratelimit.store", reader.raw("ratelimit.store"),
                    "local or auto while store.url is the embedded H2 database (shared buckets need PostgreSQL)");
        }
        Duration logEvery = reader.duration("ratelimit.log-every", Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofHours(1));
        List<Limit> logBudget = limits(reader, "ratelimit.log-budget", "300/1m");
        if (logBudget.isEmpty()) {
            // "off" would mean unlimited writes under a flood, which is what the budget exists to prevent.
            reader.problem("ratelimit.log-budget", reader.raw("ratelimit.log-budget"), "a limit such as 300/1m (it cannot be off)");
            logBudget = parse("300/1m");
        }
        Duration blockRefresh = reader.duration("ratelimit.block-refresh", Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new RateLimitSettings(enabled, perIp, perNetwork, perRoute, overrides, perUser, site, exempt, ipv6Prefix, cacheSize, store,
                logEvery, logBudget, blockRefresh);
    }

    /** The per-route limit of a route: its override, else {@link #perRoute}. */
    public List<Limit> perRoute(String route) {
        return routeOverrides.getOrDefault(route, perRoute);
    }

    /** Whether buckets live in the database, given whether the store is PostgreSQL. */
    public boolean sharedBuckets(boolean postgres) {
        return store().equals("database") || (store().equals("auto") && postgres);
    }

    private static List<Limit> limits(ConfigReader reader, String key, String defaultValue) {
        Optional<String> raw = reader.optional(key);
        if (raw.isEmpty()) {
            return parse(defaultValue);
        }
        Optional<List<Limit>> parsed = Limit.parseList(raw.get());
        if (parsed.isEmpty()) {
            reader.problem(key, raw.get(), LIMIT_EXPECTED);
            return parse(defaultValue);
        }
        return parsed.get();
    }

    private static List<Limit> parse(String text) {
        return Limit.parseList(text).orElseThrow();
    }
}
