package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

/**
 * The chain's hashing scheme, pinned: values computed outside Java from docs/en/investigator-guide.md (length-prefixed
 * UTF-8, {@code -1:} for a missing value), so that a change that would break every existing chain fails here first.
 */
class ChainHashTest {

    @Test
    void framingFollowsTheInvestigatorGuide() {
        // sha256("1:a-1:0:"): a value, a missing value and an empty value are three different things.
        assertThat(ChainHash.framed("a", null, "")).isEqualTo("6b32f9b841c760504c746409b44faff96d93cb309b5614ed8ca64e7e9a016fed");
        assertThat(ChainHash.framed("Đ")).isEqualTo("6071f7e85ce0cc15da9e07c539407457175e09b9381bb3b0dd8adb05eaad463f");
    }

    @Test
    void noTwoDifferentValueListsSerialiseAlike() {
        assertThat(ChainHash.framed("ab", "c")).isEqualTo("430fb1b4ac43316eca81fab27a1930ab8eff8fef6a1dc7903dce44bbc2790dc5")
                .isNotEqualTo(ChainHash.framed("a", "bc"));
        assertThat(ChainHash.framed((String) null)).isNotEqualTo(ChainHash.framed(""));
        assertThat(ChainHash.framed("-1:")).isNotEqualTo(ChainHash.framed((String) null));
        assertThat(ChainHash.framed("1:a")).isNotEqualTo(ChainHash.framed("a"));
    }

    @Test
    void aSealedEntryCarriesThePinnedPersonalAndEntryHashes() {
        IpLogRecord first = ChainTestRecords.chain(1).get(0);
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(ChainHash.GENESIS).isEqualTo("0".repeat(64));
        assertThat(first.personalHash()).isEqualTo("e36611cd722993392846b35652ee7fa5d1edb2e4cf0d170dd2341f07dbd1c53e");
        assertThat(first.entryHash()).isEqualTo("a9e710ed14e130be02d6dc458c6bf677c4971ce8f294fb64858adaf835f98669");
        assertThat(ChainHash.entry(ChainTestRecords.SITE, first)).isEqualTo(first.entryHash());
    }

    @Test
    void everyHashedFieldChangesTheEntryHash() {
        IpLogRecord r = ChainTestRecords.chain(2).get(1);
        List<UnaryOperator<IpLogRecord>> changes = List.of(
                x -> ChainTestRecords.withSeq(x, 3),
                x -> new IpLogRecord(x.seq(), x.loggedAt().plusMillis(1), x.origin(), x.attempt(), x.seal()),
                x -> ChainTestRecords.withRoute(x, "guestbook"),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), "PUT", x.path(), x.submissionId(), x.receipt(), x.outcome(), x.detail(), x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), "/news/2", x.submissionId(), x.receipt(), x.outcome(), x.detail(), x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), x.path(), 3L, x.receipt(), x.outcome(), x.detail(), x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), x.path(), x.submissionId(), "R-3", x.outcome(), x.detail(), x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), x.path(), x.submissionId(), x.receipt(), Outcome.SPAM, x.detail(), x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), x.path(), x.submissionId(), x.receipt(), x.outcome(), "why", x.contentSha256())),
                x -> attempt(x, new IpLogRecord.Attempt(x.route(), x.method(), x.path(), x.submissionId(), x.receipt(), x.outcome(), x.detail(), null)),
                x -> new IpLogRecord(x.seq(), x.loggedAt(), new IpLogRecord.Origin(x.clientIp(), x.clientPort(), x.peerIp(),
                        x.peerPort(), x.forwardedChain(), true, x.userAgent(), x.posterUser()), x.attempt(), x.seal()),
                x -> seal(x, new IpLogRecord.Seal(x.personalSalt(), "f".repeat(64), false, x.prevHash(), null)),
                x -> seal(x, new IpLogRecord.Seal(x.personalSalt(), x.personalHash(), false, "e".repeat(64), null)));
        Set<String> hashes = new HashSet<>();
        hashes.add(ChainHash.entry(ChainTestRecords.SITE, r));
        for (UnaryOperator<IpLogRecord> change : changes) {
            assertThat(hashes.add(ChainHash.entry(ChainTestRecords.SITE, change.apply(r)))).isTrue();
        }
        assertThat(ChainHash.entry("other-site", r)).isNotIn(hashes);
    }

    @Test
    void personalDataAreCoveredThroughTheirCommitmentAndTheSalt() {
        IpLogRecord r = ChainTestRecords.chain(1).get(0);
        IpLogRecord.Origin o = r.origin();
        String personal = ChainHash.personal(r.personalSalt(), o);
        assertThat(ChainHash.personal("00".repeat(16), o)).isNotEqualTo(personal);
        List<IpLogRecord.Origin> changed = List.of(
                new IpLogRecord.Origin("113.161.0.9", o.clientPort(), o.peerIp(), o.peerPort(), o.forwardedChain(), o.forwardedFlag(), o.userAgent(), o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), 1, o.peerIp(), o.peerPort(), o.forwardedChain(), o.forwardedFlag(), o.userAgent(), o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), o.clientPort(), "10.0.0.9", o.peerPort(), o.forwardedChain(), o.forwardedFlag(), o.userAgent(), o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), o.clientPort(), o.peerIp(), 1, o.forwardedChain(), o.forwardedFlag(), o.userAgent(), o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), o.clientPort(), o.peerIp(), o.peerPort(), null, o.forwardedFlag(), o.userAgent(), o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), o.clientPort(), o.peerIp(), o.peerPort(), o.forwardedChain(), o.forwardedFlag(), "curl/8", o.posterUser()),
                new IpLogRecord.Origin(o.clientIp(), o.clientPort(), o.peerIp(), o.peerPort(), o.forwardedChain(), o.forwardedFlag(), o.userAgent(), "gv1"));
        for (IpLogRecord.Origin other : changed) {
            assertThat(ChainHash.personal(r.personalSalt(), other)).isNotEqualTo(personal);
        }
    }

    private static IpLogRecord attempt(IpLogRecord r, IpLogRecord.Attempt a) {
        return new IpLogRecord(r.seq(), r.loggedAt(), r.origin(), a, r.seal());
    }

    private static IpLogRecord seal(IpLogRecord r, IpLogRecord.Seal s) {
        return new IpLogRecord(r.seq(), r.loggedAt(), r.origin(), r.attempt(), s);
    }
}
