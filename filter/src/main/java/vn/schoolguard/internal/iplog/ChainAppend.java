package vn.schoolguard.internal.iplog;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.log.Log;
import vn.schoolguard.internal.net.ClientAddress;

/**
 * A new entry on its way into the chain: the storage locks the head and calls {@link #seal}, which numbers,
 * stamps and hashes the entry against that head. Made by {@link IpLog#prepare}; seal it once.
 */
public final class ChainAppend {

    /** A checkpoint every this many entries, so that a purge or a lost head can be anchored. */
    public static final int CHECKPOINT_EVERY = 1000;

    private static final Log LOG = Log.get(IpLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String siteKey;
    private final IpLogEntry entry;
    private final Clock clock;

    ChainAppend(String siteKey, IpLogEntry entry, Clock clock) {
        this.siteKey = siteKey;
        this.entry = entry;
        this.clock = clock;
    }

    /** The site whose chain the entry goes into. */
    public String siteKey() {
        return siteKey;
    }

    /** The entry as it is to be stored after {@code head}: numbered, stamped, cut to the column sizes and hashed. */
    public IpLogRecord seal(ChainHead head) {
        return seal(head, Sha256.toHex(randomBytes(16)));
    }

    /** Whether a checkpoint is to be written for this sealed entry. */
    public static boolean checkpointDue(IpLogRecord sealed) {
        return sealed.seq() % CHECKPOINT_EVERY == 0;
    }

    IpLogRecord seal(ChainHead head, String salt) {
        // Security-critical: millisecond precision, and never before the previous entry, so time order follows chain
        // order even when the clock steps back; retention cuts by time, and an entry stamped in the past would be
        // purged together with (and take with it) everything logged before it.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant at = now.isBefore(head.at()) ? head.at() : now;
        if (at != now) {
            LOG.warn("The clock is behind the IP log's last entry ({} < {}); the entry is stamped {}", now, head.at(), at);
        }
        ClientAddress client = entry.client();
        // Cut to the column sizes before hashing: the hash must cover exactly what is stored, whatever a poster sends.
        IpLogRecord.Origin origin = new IpLogRecord.Origin(client.ip(), client.port(), client.peerIp(), client.peerPort(),
                truncate(client.forwardedChain(), 2000), client.malformed(), truncate(entry.userAgent(), 1000),
                truncate(entry.posterUser(), 200));
        IpLogRecord.Attempt attempt = new IpLogRecord.Attempt(truncate(entry.route(), 100), entry.method(),
                truncate(entry.path(), 2000), entry.submissionId(), entry.receipt(), entry.outcome(),
                truncate(entry.detail(), 500), entry.contentSha256());
        IpLogRecord.Seal seal = new IpLogRecord.Seal(salt, ChainHash.personal(salt, origin), false, head.hash(), null);
        IpLogRecord unsigned = new IpLogRecord(head.seq() + 1, at, origin, attempt, seal);
        return unsigned.withEntryHash(ChainHash.entry(siteKey, unsigned));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static String truncate(String text, int max) {
        if (text == null) {
            return null;
        }
        // PostgreSQL text cannot hold NUL: the entry is kept with U+FFFD in its place rather than refused (and hashed so).
        String storable = text.indexOf('\u0000') < 0 ? text : text.replace('\u0000', '\uFFFD');
        return storable.length() <= max ? storable : storable.substring(0, max);
    }
}
