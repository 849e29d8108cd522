package vn.schoolguard.internal.ratelimit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where one site's block list is kept, so that every node and every restart sees the same blocks. Implementations
 * throw the storage layer's unchecked exception when the store is unavailable.
 */
public interface BlockStorage {

    /**
     * A block about to be stored.
     *
     * @param cidr         canonical address or block
     * @param lowHex       the first address of the block, as fixed-width hex
     * @param highHex      the last address of the block, as fixed-width hex
     * @param reason       why, as the moderator wrote it
     * @param createdBy    who
     * @param createdAt    when
     * @param expiresAt    when it ends by itself, or null
     * @param submissionId the submission it was blocked from, or null
     */
    record NewBlock(String cidr, String lowHex, String highHex, String reason, String createdBy, Instant createdAt,
                    Instant expiresAt, Long submissionId) {
    }

    /** Stores a block and returns its number. */
    long insert(NewBlock block);

    /** Marks a block lifted; returns how many rows changed (0 when there is no such active block). */
    int markRemoved(long id, String by, Instant at);

    /** One block, lifted or not. */
    Optional<Block> find(long id);

    /** The newest blocks first, at most {@code limit}: every one, or only those not lifted. */
    List<Block> list(boolean includeLifted, int limit);

    /** The blocks neither lifted nor expired at {@code now}. */
    List<Block> activeAt(Instant now);

    /** Adds refused submissions to a block's hit count, keeping the latest hit time. */
    void addHits(long id, long hits, Instant lastHit);
}
