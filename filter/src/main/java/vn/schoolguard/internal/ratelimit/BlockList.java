package vn.schoolguard.internal.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import vn.schoolguard.internal.log.Log;

import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.IpLiteral;
import vn.schoolguard.internal.db.StoreException;

/**
 * The block list: addresses and CIDR blocks whose submissions are refused with 403, kept in the database
 * (so every node and every restart sees them) and matched against an in-memory copy, so that refusing a
 * flood costs no database work. Each node re-reads the list every {@code refresh} and then adds up its
 * hit counts in the database. When the database is down the last copy keeps applying.
 *
 * <p>Thread-safe; one instance per site.
 */
// Security-critical: decides which addresses may post at all.
public final class BlockList {

    private static final Log LOG = Log.get(BlockList.class);
    /** Blocked addresses in one /24 (IPv4) or /48 (IPv6) from which a roll-up is suggested. */
    static final int ROLL_UP_AT = 3;
    private static final int MAX_LISTED = 5000;

    private final BlockStorage storage;
    private final Clock clock;
    private final Duration refresh;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile BlockSnapshot snapshot = BlockSnapshot.EMPTY;
    private volatile Instant nextRefresh = Instant.MIN;

    public BlockList(BlockStorage storage, Clock clock, Duration refresh) {
        this.storage = storage;
        this.clock = clock;
        this.refresh = refresh;
        refresh();
    }

    /**
     * The active block covering a client address, if any; counts the hit. Reads only memory, except that
     * once per refresh period the calling thread re-reads the list.
     */
    public Optional<Block> match(String clientIp) {
        Instant now = clock.instant();
        if (!now.isBefore(nextRefresh) && refreshing.compareAndSet(false, true)) {
            try {
                refreshNow(now);
            } finally {
                refreshing.set(false);
            }
        }
        return snapshot.hit(clientIp, now);
    }

    /**
     * Adds a block.
     *
     * @throws BlockTexts.Invalid when the address, reason or expiry is not acceptable
     * @throws StoreException     when the database is unavailable
     */
    public Block add(BlockRequest request, String by) {
        String text = request.cidr() == null ? "" : request.cidr().trim();
        Optional<Cidr> cidr = Cidr.parse(text);
        boolean v4 = cidr.isPresent() && IpLiteral.parse(text.split("/", 2)[0]).map(b -> b.length == 4).orElse(false);
        if (cidr.isEmpty() || cidr.get().prefixLength() < (v4 ? 8 : 32)) {
            throw BlockTexts.badCidr(request.cidr());
        }
        String reason = request.reason() == null ? "" : request.reason().trim();
        if (reason.isEmpty() || reason.length() > BlockTexts.MAX_REASON) {
            throw BlockTexts.badReason(request.reason());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant expires = request.expiresIn() == null ? null : now.plus(request.expiresIn());
        String[] range = cidr.get().hexRange();
        long id = storage.insert(new BlockStorage.NewBlock(cidr.get().toString(), range[0], range[1], reason, by, now,
                expires, request.submissionId()));
        LOG.warn("Address block {} ({}) added by {}: {}", cidr.get(), expires == null ? "no expiry" : "until " + expires, by, reason);
        refresh();
        return find(id).orElseThrow();
    }

    /** Lifts a block; empty when there is no such block. The row stays, marked removed. */
    public Optional<Block> remove(long id, String by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = storage.markRemoved(id, by, now);
        Optional<Block> block = find(id);
        if (changed > 0) {
            LOG.warn("Address block #{} {} lifted by {}", id, block.map(Block::cidr).orElse("?"), by);
            refresh();
        }
        return block;
    }

    /** One block with its hit count (including hits this node has not yet written). */
    public Optional<Block> find(long id) {
        return storage.find(id).map(this::withPending);
    }

    /** The blocks, newest first: the active ones, or all including lifted and expired ones. */
    public List<Block> list(boolean includeInactive) {
        Instant now = clock.instant();
        List<Block> all = storage.list(includeInactive, MAX_LISTED).stream().map(this::withPending).toList();
        return includeInactive ? all : all.stream().filter(b -> b.activeAt(now)).toList();
    }

    /** Subnets holding {@value #ROLL_UP_AT} or more blocked single addresses and not blocked as a whole. */
    public List<BlockSuggestion> suggestions() {
        Instant now = clock.instant();
        List<Block> active = list(false);
        Map<String, List<Long>> bySubnet = new LinkedHashMap<>();
        for (Block block : active) {
            Optional<String> subnet = rollUp(block.cidr());
            subnet.ifPresent(s -> bySubnet.computeIfAbsent(s, k -> new ArrayList<>()).add(block.id()));
        }
        List<BlockSuggestion> suggestions = new ArrayList<>();
        bySubnet.forEach((subnet, ids) -> {
            Cidr net = Cidr.parse(subnet).orElseThrow();
            boolean covered = active.stream().anyMatch(b -> b.activeAt(now) && Cidr.parse(b.cidr())
                    .map(c -> c.prefixLength() <= net.prefixLength() && c.contains(subnet.split("/", 2)[0])).orElse(false));
            if (ids.size() >= ROLL_UP_AT && !covered) {
                suggestions.add(new BlockSuggestion(subnet, List.copyOf(ids)));
            }
        });
        return suggestions;
    }

    /** Writes this node's hit counts and re-reads the list now (normally it happens every refresh period). */
    public void refresh() {
        refreshNow(clock.instant());
    }

    private void refreshNow(Instant now) {
        nextRefresh = now.plus(refresh);
        BlockSnapshot current = snapshot;
        try {
            flushHits(current);
            snapshot = BlockSnapshot.of(storage.activeAt(now), current);
        } catch (StoreException e) {
            // Keep refusing what was blocked: the last copy stays in force until the database is back.
            LOG.warn("The block list could not be re-read; the last copy ({} blocks) stays in force: {}",
                    current.size(), e.getMessage());
        }
    }

    private void flushHits(BlockSnapshot current) {
        current.drainHits((id, hits, lastHit) -> storage.addHits(id, hits, lastHit == null ? clock.instant() : lastHit));
    }

    private Block withPending(Block block) {
        return snapshot.withPendingHits(block);
    }

    /** The /24 or /48 of a single blocked address; empty for wider blocks. */
    static Optional<String> rollUp(String cidr) {
        Optional<Cidr> parsed = Cidr.parse(cidr);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        String address = cidr.split("/", 2)[0];
        boolean v4 = IpLiteral.parse(address).map(b -> b.length == 4).orElse(false);
        int prefix = parsed.get().prefixLength();
        if (v4 && prefix == 32) {
            return Cidr.parse(address + "/24").map(Cidr::toString);
        }
        if (!v4 && prefix >= 64) {
            return Cidr.parse(address + "/48").map(Cidr::toString);
        }
        return Optional.empty();
    }
}
