package vn.schoolguard.ratelimit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import vn.schoolguard.log.Log;

import vn.schoolguard.net.Cidr;
import vn.schoolguard.net.IpLiteral;
import vn.schoolguard.db.Database;
import vn.schoolguard.db.StoreException;

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
    private static final String COLUMNS = "id, cidr, reason, created_by, created_at, expires_at, submission_id, removed_at,"
            + " removed_by, hits, last_hit_at";

    private final Database database;
    private final String siteKey;
    private final Clock clock;
    private final Duration refresh;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Snapshot snapshot = Snapshot.EMPTY;
    private volatile Instant nextRefresh = Instant.MIN;

    public BlockList(Database database, String siteKey, Clock clock, Duration refresh) {
        this.database = database;
        this.siteKey = siteKey;
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
        Snapshot current = snapshot;
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> address = IpLiteral.parse(clientIp);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Entry found = current.exact.get(IpLiteral.hex(clientIp).orElse(""));
        if (found == null || !found.block.activeAt(now)) {
            found = null;
            for (Entry entry : current.ranges) {
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
        long id = database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sg_blocks (site_key, cidr, low_hex, high_hex, reason,"
                    + " created_by, created_at, expires_at, submission_id) VALUES (?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, siteKey);
                ps.setString(2, cidr.get().toString());
                ps.setString(3, range[0]);
                ps.setString(4, range[1]);
                ps.setString(5, reason);
                ps.setString(6, by);
                ps.setObject(7, now.atOffset(ZoneOffset.UTC));
                ps.setObject(8, expires == null ? null : expires.atOffset(ZoneOffset.UTC));
                if (request.submissionId() == null) {
                    ps.setNull(9, Types.BIGINT);
                } else {
                    ps.setLong(9, request.submissionId());
                }
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        LOG.warn("Address block {} ({}) added by {}: {}", cidr.get(), expires == null ? "no expiry" : "until " + expires, by, reason);
        refresh();
        return find(id).orElseThrow();
    }

    /** Lifts a block; empty when there is no such block. The row stays, marked removed. */
    public Optional<Block> remove(long id, String by) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int changed = database.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE sg_blocks SET removed_at = ?, removed_by = ?"
                    + " WHERE site_key = ? AND id = ? AND removed_at IS NULL")) {
                ps.setObject(1, now.atOffset(ZoneOffset.UTC));
                ps.setString(2, by);
                ps.setString(3, siteKey);
                ps.setLong(4, id);
                return ps.executeUpdate();
            }
        });
        Optional<Block> block = find(id);
        if (changed > 0) {
            LOG.warn("Address block #{} {} lifted by {}", id, block.map(Block::cidr).orElse("?"), by);
            refresh();
        }
        return block;
    }

    /** One block with its hit count (including hits this node has not yet written). */
    public Optional<Block> find(long id) {
        return database.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ? AND id = ?")) {
                ps.setString(1, siteKey);
                ps.setLong(2, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(withPending(map(rs))) : Optional.<Block>empty();
                }
            }
        });
    }

    /** The blocks, newest first: the active ones, or all including lifted and expired ones. */
    public List<Block> list(boolean includeInactive) {
        Instant now = clock.instant();
        List<Block> all = database.read(c -> {
            List<Block> blocks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ?"
                    + (includeInactive ? "" : " AND removed_at IS NULL") + " ORDER BY id DESC LIMIT 5000")) {
                ps.setString(1, siteKey);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        blocks.add(withPending(map(rs)));
                    }
                }
            }
            return blocks;
        });
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
        Snapshot current = snapshot;
        try {
            flushHits(current);
            List<Block> blocks = database.read(c -> {
                List<Block> list = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM sg_blocks WHERE site_key = ?"
                        + " AND removed_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")) {
                    ps.setString(1, siteKey);
                    ps.setObject(2, now.atOffset(ZoneOffset.UTC));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(map(rs));
                        }
                    }
                }
                return list;
            });
            snapshot = Snapshot.of(blocks, current);
        } catch (StoreException e) {
            // Keep refusing what was blocked: the last copy stays in force until the database is back.
            LOG.warn("The block list could not be re-read; the last copy ({} blocks) stays in force: {}",
                    current.size(), e.getMessage());
        }
    }

    private void flushHits(Snapshot current) {
        for (Entry entry : current.all) {
            long n = entry.pending.getAndSet(0);
            if (n == 0) {
                continue;
            }
            Instant last = entry.lastHit == null ? clock.instant() : entry.lastHit;
            try {
                database.inTransaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE sg_blocks SET hits = hits + ?,"
                            + " last_hit_at = CASE WHEN last_hit_at IS NULL OR last_hit_at < ? THEN ? ELSE last_hit_at END"
                            + " WHERE site_key = ? AND id = ?")) {
                        OffsetDateTime at = last.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
                        ps.setLong(1, n);
                        ps.setObject(2, at);
                        ps.setObject(3, at);
                        ps.setString(4, siteKey);
                        ps.setLong(5, entry.block.id());
                        return ps.executeUpdate();
                    }
                });
            } catch (StoreException e) {
                entry.pending.addAndGet(n);
                throw e;
            }
        }
    }

    private Block withPending(Block block) {
        Entry entry = snapshot.byId.get(block.id());
        if (entry == null || entry.pending.get() == 0) {
            return block;
        }
        Instant last = entry.lastHit;
        return new Block(block.id(), block.cidr(), block.reason(), block.createdBy(), block.createdAt(), block.expiresAt(),
                block.submissionId(), block.removedAt(), block.removedBy(), block.hits() + entry.pending.get(),
                last != null && (block.lastHitAt() == null || last.isAfter(block.lastHitAt())) ? last : block.lastHitAt());
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

    private static Block map(ResultSet rs) throws SQLException {
        long submission = rs.getLong(7);
        Long submissionId = rs.wasNull() ? null : submission;
        return new Block(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6),
                submissionId, instant(rs, 8), rs.getString(9), rs.getLong(10), instant(rs, 11));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
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

    /** An immutable copy of the active list: single addresses by hex key, wider blocks in a list. */
    private record Snapshot(Map<String, Entry> exact, List<Entry> ranges, List<Entry> all, Map<Long, Entry> byId) {
        static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), List.of(), Map.of());

        static Snapshot of(List<Block> blocks, Snapshot previous) {
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
            return new Snapshot(Map.copyOf(exact), List.copyOf(ranges), List.copyOf(all), Map.copyOf(byId));
        }

        boolean isEmpty() {
            return all.isEmpty();
        }

        int size() {
            return all.size();
        }
    }
}
