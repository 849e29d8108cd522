package vn.schoolguard.internal.ratelimit;

import vn.schoolguard.internal.housekeeping.Housekeeping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import vn.schoolguard.internal.log.Line;
import vn.schoolguard.internal.log.Log;

import vn.schoolguard.internal.iplog.IpLog;
import vn.schoolguard.internal.iplog.Outcome;
import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.net.IpLiteral;
import vn.schoolguard.internal.db.StoreException;

/**
 * The first check on a submission route, before its body is read: the block list, then the stacked rate
 * limits. A refusal costs a memory look-up (and, with shared buckets, a few small database statements);
 * it never touches the moderation store, and only some refusals reach the IP log (see {@link RejectionLog}).
 *
 * <p>When shared buckets cannot be reached the submission is refused with 503 rather than let through
 * unchecked: it could not be stored without the database anyway. Local buckets and the block list's
 * in-memory copy keep working through a database outage.
 *
 * <p>Thread-safe; one instance per filter.
 */
// Security-critical: the flood defence of every submission route.
public final class SubmissionGate implements AutoCloseable {

    private static final Log LOG = Log.get(SubmissionGate.class);
    private static final Log MIRROR = Log.get(IpLog.MIRROR_LOGGER);
    private static final long UNAVAILABLE_RETRY_SECONDS = 30;

    /** Why a submission was refused, and the status it gets. */
    public enum Kind {
        /** The address is on the block list: 403. */
        BLOCKED(403),
        /** A rate limit is used up: 429 with Retry-After. */
        LIMITED(429),
        /** Shared buckets cannot be reached: 503 with Retry-After. */
        UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * A refusal, and whether the caller writes it to the IP log.
     *
     * @param kind              why
     * @param retryAfterSeconds when to try again (0 for a block)
     * @param detail            what the IP log records
     * @param outcome           the IP log outcome ({@link Outcome#BLOCKED} or {@link Outcome#RATE_LIMITED})
     * @param logged            whether this refusal is written to the IP log in full; else it was only counted
     *                          (see {@link RejectionLog})
     * @param clientKey         the client's bucket key (an address, or an IPv6 prefix), for the mirror log
     */
    public record Refusal(Kind kind, long retryAfterSeconds, String detail, Outcome outcome, boolean logged,
                          String clientKey) {

        /** Leaves a trace outside the database of a refusal whose IP log entry could not be written. */
        public void unstored(StoreException e) {
            // The refusal stands either way.
            MIRROR.warn(Line.of("iplog refusal not stored").add("outcome", outcome.key()).add("client", clientKey)
                    .add("detail", detail).remark(e.getMessage()));
        }
    }

    private final RateLimitSettings settings;
    private final BlockList blocks;
    private final BucketStore buckets;
    private final RateLimiter limiter;
    private final RejectionLog rejections;
    private final Clock clock;
    private volatile Instant nextOutageReport = Instant.MIN;

    SubmissionGate(RateLimitSettings settings, BlockList blocks, BucketStore buckets, String siteKey, Clock clock) {
        this.settings = settings;
        this.blocks = blocks;
        this.buckets = buckets;
        this.limiter = new RateLimiter(settings, buckets, siteKey);
        this.rejections = new RejectionLog(settings, clock);
        this.clock = clock;
    }

    /**
     * The gate for a site: buckets in this node's memory, or in the database when it is PostgreSQL and
     * {@code ratelimit.store} is {@code auto} or {@code database}.
     */
    public static SubmissionGate create(RateLimitSettings settings, RateLimitStorage storage, String siteKey, Clock clock,
                                        Housekeeping housekeeping) {
        BucketStore buckets = settings.sharedBuckets(storage.canShareBuckets())
                ? BucketStore.shared(storage, clock, Duration.ofMinutes(1), housekeeping)
                : BucketStore.local(settings.cacheSize(), clock);
        LOG.info("Rate limits {}: per address {}, per user {}, per route {}, site {}; buckets {}",
                settings.enabled() ? "on" : "off", Limit.format(settings.perIp()), Limit.format(settings.perUser()),
                Limit.format(settings.perRoute()), Limit.format(settings.site()),
                buckets.isShared() ? "shared in the database" : "in memory (at most " + settings.cacheSize() + ")");
        return new SubmissionGate(settings, new BlockList(storage.blocks(siteKey), clock, settings.blockRefresh()), buckets, siteKey, clock);
    }

    /**
     * Checks a submission before its body is read.
     *
     * @param route    the route name
     * @param client   the resolved client address
     * @param user     the signed-in application user, or null
     * @return the refusal, or empty when the submission may go on; the caller writes the IP log entry of a refusal
     *         marked {@link Refusal#logged()}
     */
    public Optional<Refusal> check(String route, ClientAddress client, String user) {
        String clientIp = client.ip();
        Optional<Block> block = blocks.match(clientIp);
        if (block.isPresent()) {
            return Optional.of(refusal(Kind.BLOCKED, 0, BlockTexts.blockedDetail(block.get()), Outcome.BLOCKED,
                    ClientKey.of(clientIp, settings.ipv6Prefix())));
        }
        if (!settings.enabled() || exempt(clientIp)) {
            return Optional.empty();
        }
        String clientKey = ClientKey.of(clientIp, settings.ipv6Prefix());
        RateLimiter.Decision decision;
        try {
            // A loopback socket peer is a local proxy whose visitors cannot be told apart (proxies.trusted is not
            // set for it): a per-address limit would make every visitor share one bucket, so only the route, user
            // and site levels apply to it. An address read from a forwarding header never qualifies, whatever it
            // says: only the socket itself can be this machine.
            // Security-critical: the exemption must not be reachable by anything a client sends.
            decision = limiter.tryAcquire(route, client.isLocalSocketPeer() ? null : clientKey, user);
        } catch (RuntimeException e) {
            reportOutage(e);
            return Optional.of(refusal(Kind.UNAVAILABLE, UNAVAILABLE_RETRY_SECONDS,
                    BlockTexts.unavailableDetail(rootMessage(e)), Outcome.RATE_LIMITED, clientKey));
        }
        if (decision.allowed()) {
            return Optional.empty();
        }
        return Optional.of(refusal(Kind.LIMITED, decision.retryAfterSeconds(), BlockTexts.limitedDetail(decision),
                Outcome.RATE_LIMITED, clientKey));
    }

    /** The block list, for the console and the API. */
    public BlockList blockList() {
        return blocks;
    }

    /** Buckets held in this node's memory (0 with shared buckets). */
    public long bucketsInMemory() {
        return buckets.estimatedSize();
    }

    /** Refusals counted rather than written to the IP log, since start. */
    public long refusalsCounted() {
        return rejections.counted();
    }

    private Refusal refusal(Kind kind, long retryAfterSeconds, String detail, Outcome outcome, String clientKey) {
        return new Refusal(kind, retryAfterSeconds, detail, outcome, rejections.writeInFull(outcome, clientKey), clientKey);
    }

    private boolean exempt(String clientIp) {
        if (settings.exempt().isEmpty()) {
            return false;
        }
        Optional<byte[]> address = IpLiteral.parse(clientIp);
        if (address.isEmpty()) {
            return false;
        }
        for (Cidr cidr : settings.exempt()) {
            if (cidr.contains(address.get())) {
                return true;
            }
        }
        return false;
    }

    private void reportOutage(RuntimeException e) {
        Instant now = clock.instant();
        // One line per half minute is enough to raise the alarm without flooding the log in a flood.
        if (!now.isBefore(nextOutageReport)) {
            nextOutageReport = now.plusSeconds(30);
            LOG.error("Shared rate-limit buckets are unavailable; submissions are refused with 503 until the database is back", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        rejections.flush();
        buckets.close();
    }
}
