package vn.schoolguard.internal.ratelimit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.internal.net.Cidr;
import vn.schoolguard.internal.net.IpLiteral;

/** An immutable in-memory copy of the active block list, with the hits counted since they were last written. */
// Security-critical: matching here decides which addresses may post at all.
final class BlockSnapshot {

    static final BlockSnapshot EMPTY = new BlockSnapshot(Map.of(), List.of(), List.of(), Map.of());

    /** Receives the hits of one block that have not been written yet. */
    @FunctionalInterface
    interface HitSink {
        void add(long blockId, long hits, Instant lastHit);
    }

    /** One block in memory, with the hits not yet written. */
    private static final class Entry {
        final Block block;
        final Cidr cidr;
        final AtomicLong pending;
        volatile Instant lastHit;

        Entry(Block block, Cidr cidr, AtomicLong pending) {
            this.block = block;
            this.cidr = cidr;
            this.pending = pending;
        }
    }

    private final Map<String, Entry> exact;
    private final List<Entry> ranges;
    private final List<Entry> all;
    private final Map<Long, Entry> byId;

    private BlockSnapshot(Map<String, Entry> exact, List<Entry> ranges, List<Entry> all, Map<Long, Entry> byId) {
        this.exact = exact;
        this.ranges = ranges;
        this.all = all;
        this.byId = byId;
    }

    /** A copy of {@code blocks}; hits counted on {@code previous} and not yet written carry over. */
    static BlockSnapshot of(List<Block> blocks, BlockSnapshot previous) {
        Map<String, Entry> exact = new HashMap<>();
        List<Entry> ranges = new ArrayList<>();
        List<Entry> all = new ArrayList<>();
        Map<Long, Entry> byId = new HashMap<>();
        for (Block block : blocks) {
            Cidr cidr = Cidr.parse(block.cidr()).orElse(null);
            if (cidr == null) {
                continue;
            }
            Entry old = previous.byId.get(block.id());
            // Hits counted since the flush (by requests racing the refresh) carry over to the new copy.
            Entry entry = new Entry(block, cidr, old == null ? new AtomicLong() : old.pending);
            String[] range = cidr.hexRange();
            if (range[0].equals(range[1])) {
                exact.put(range[0], entry);
            } else {
                ranges.add(entry);
            }
            all.add(entry);
            byId.put(block.id(), entry);
        }
        // Narrower blocks first, so a hit is counted on the most specific entry.
        ranges.sort((a, b) -> Integer.compare(b.cidr.prefixLength(), a.cidr.prefixLength()));
        return new BlockSnapshot(Map.copyOf(exact), List.copyOf(ranges), List.copyOf(all), Map.copyOf(byId));
    }

    /** The active block covering a client address at {@code now}, counting the hit on it. */
    Optional<Block> hit(String clientIp, Instant now) {
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> address = IpLiteral.parse(clientIp);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Entry found = exact.get(IpLiteral.hex(clientIp).orElse(""));
        if (found == null || !found.block.activeAt(now)) {
            found = null;
            for (Entry entry : ranges) {
                if (entry.cidr.contains(address.get()) && entry.block.activeAt(now)) {
                    found = entry;
                    break;
                }
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        found.pending.incrementAndGet();
        found.lastHit = now;
        return Optional.of(found.block);
    }

    /**
     * Hands every block's unwritten hits to {@code sink}; when the sink throws, that block's hits are kept for the
     * next attempt and the exception goes on.
     */
    void drainHits(HitSink sink) {
        for (Entry entry : all) {
            long n = entry.pending.getAndSet(0);
            if (n == 0) {
                continue;
            }
            try {
                sink.add(entry.block.id(), n, entry.lastHit);
            } catch (RuntimeException e) {
                entry.pending.addAndGet(n);
                throw e;
            }
        }
    }

    /** {@code block} (as stored) with the hits this node counted and has not written yet. */
    Block withPendingHits(Block block) {
        Entry entry = byId.get(block.id());
        if (entry == null || entry.pending.get() == 0) {
            return block;
        }
        Instant last = entry.lastHit;
        return new Block(block.id(), block.cidr(), block.reason(), block.createdBy(), block.createdAt(), block.expiresAt(),
                block.submissionId(), block.removedAt(), block.removedBy(), block.hits() + entry.pending.get(),
                last != null && (block.lastHitAt() == null || last.isAfter(block.lastHitAt())) ? last : block.lastHitAt());
    }

    int size() {
        return all.size();
    }
}
