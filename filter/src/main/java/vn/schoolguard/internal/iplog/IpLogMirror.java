package vn.schoolguard.internal.iplog;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import vn.schoolguard.internal.log.Line;
import vn.schoolguard.internal.log.Log;

/** Mirrors IP log entries to a logger: key facts in the text, every column as an MDC field for structured appenders. */
final class IpLogMirror {

    private static final Log MIRROR = Log.get(IpLog.MIRROR_LOGGER);

    private final Clock clock;

    IpLogMirror(Clock clock) {
        this.clock = clock;
    }

    /** e.g. {@code iplog seq=42 outcome=held client=203.0.113.7:51234 peer=10.0.0.2:40112 route=comments ...}. */
    void stored(IpLogRecord r) {
        MIRROR.info(Line.of("iplog").add("seq", r.seq()).add("outcome", r.outcome().key())
                .address("client", r.clientIp(), r.clientPort()).address("peer", r.peerIp(), r.peerPort())
                .add("route", r.route()).add("path", r.path()).add("submission", r.submissionId()).add("receipt", r.receipt())
                .context("time", r.loggedAt().toString()).context("forwarded", r.forwardedChain())
                .context("user_agent", r.userAgent()).context("user", r.posterUser())
                .context("content_sha256", r.contentSha256()).context("entry_hash", r.entryHash()));
    }

    /** An attempt that could not be stored at all (the database was down), so some trace remains. */
    void unstored(IpLogEntry e, String why) {
        MIRROR.warn(Line.of("iplog not stored").add("outcome", e.outcome().key())
                .address("client", e.client().ip(), e.client().port()).address("peer", e.client().peerIp(), e.client().peerPort())
                .add("route", e.route()).add("path", e.path())
                .context("time", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
                .context("content_sha256", e.contentSha256()).remark(why));
    }

    /** The chain now starts after a purge's anchor. */
    void purged(ChainHead anchor) {
        MIRROR.info(Line.of("iplog retention").add("anchor_seq", anchor.seq()).add("anchor_hash", anchor.hash())
                .remark("entries up to the anchor deleted; the remaining chain is anchored here"));
    }
}
