package vn.schoolguard.internal.iplog;

import java.time.Instant;
import java.util.Optional;

import vn.schoolguard.internal.hash.Sha256;
import vn.schoolguard.internal.log.Log;

/**
 * Retention of one site's log: old entries deleted behind a checkpoint that anchors what remains, older ones'
 * personal data replaced by pseudonyms. {@link Retention} runs it on a schedule.
 */
final class ChainRetention {

    private static final Log LOG = Log.get(IpLog.class);

    private final IpLogStorage storage;
    private final String siteKey;
    private final IpLogMirror mirror;

    ChainRetention(IpLogStorage storage, String siteKey, IpLogMirror mirror) {
        this.storage = storage;
        this.siteKey = siteKey;
        this.mirror = mirror;
    }

    /** @return {deleted, pseudonymised} */
    int[] apply(Instant deleteBefore, Optional<Instant> pseudonymiseBefore) {
        int deleted = storage.purge(siteKey, deleteBefore).map(purge -> {
            mirror.purged(purge.anchor());
            return purge.deleted();
        }).orElse(0);
        int pseudonymised = pseudonymiseBefore.map(before -> {
            // A fresh key each run: pseudonyms group one run's rows without letting anyone reverse them later.
            String key = Sha256.toHex(ChainAppend.randomBytes(32));
            return storage.pseudonymise(siteKey, before, value -> pseudonym(key, value));
        }).orElse(0);
        if (deleted > 0 || pseudonymised > 0) {
            LOG.info("IP log retention: {} entries deleted, {} pseudonymised", deleted, pseudonymised);
        }
        return new int[] {deleted, pseudonymised};
    }

    static String pseudonym(String key, String value) {
        return value == null ? null : "anon-" + ChainHash.framed(key, value).substring(0, 12);
    }
}
