package vn.schoolguard.internal.iplog;

import java.time.Clock;

/** Writes one site's entries: prepares each for the chain, has the storage append it, then mirrors it to the log. */
final class IpLogWriter {

    private final IpLogStorage storage;
    private final String siteKey;
    private final Clock clock;
    private final IpLogMirror mirror;

    IpLogWriter(IpLogStorage storage, String siteKey, Clock clock, IpLogMirror mirror) {
        this.storage = storage;
        this.siteKey = siteKey;
        this.clock = clock;
        this.mirror = mirror;
    }

    ChainAppend prepare(IpLogEntry entry) {
        return new ChainAppend(siteKey, entry, clock);
    }

    IpLogRecord record(IpLogEntry entry) {
        IpLogRecord record = storage.append(prepare(entry));
        mirror.stored(record);
        return record;
    }
}
