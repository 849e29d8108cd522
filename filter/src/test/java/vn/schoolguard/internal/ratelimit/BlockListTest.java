package vn.schoolguard.internal.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcRateLimitStorage;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/** The block list over a real database: matching, expiry, lifting, hit counts, roll-ups and bad requests. */
class BlockListTest {

    private static final Duration REFRESH = Duration.ofSeconds(30);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-09-05T07:00:00Z"));

    private BlockList blocks(Database db, String site) {
        return new BlockList(new JdbcRateLimitStorage(db).blocks(site), clock, REFRESH);
    }

    @ParameterizedTest
    @MethodSource("vn.schoolguard.testing.Databases#kinds")
    void aBlockRefusesItsAddressesUntilLiftedAndCountsItsHits(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            BlockList list = blocks(db, "default");
            Block block = list.add(new BlockRequest("203.0.113.0/24", "betting flood", null, 42L), "thu.ha");
            assertThat(block.cidr()).isEqualTo("203.0.113.0/24");
            assertThat(list.match("203.0.113.77")).map(Block::id).contains(block.id());
            assertThat(list.match("::ffff:203.0.113.5")).isPresent();
            assertThat(list.match("203.0.114.1")).isEmpty();
            assertThat(list.find(block.id()).orElseThrow().hits()).as("counted before written").isEqualTo(2);
            list.refresh();
            assertThat(blocks(db, "default").find(block.id()).orElseThrow().hits()).as("written for every node").isEqualTo(2);
            assertThat(list.remove(block.id(), "minh")).hasValueSatisfying(b -> assertThat(b.removedBy()).isEqualTo("minh"));
            assertThat(list.match("203.0.113.77")).isEmpty();
            assertThat(list.list(false)).isEmpty();
            assertThat(list.list(true)).extracting(Block::id).containsExactly(block.id());
        }
    }

    @Test
    void aBlockEndsByItselfWhenItExpires() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList list = blocks(db, "default");
            list.add(new BlockRequest("198.51.100.9", "one day", Duration.ofDays(1), null), "thu.ha");
            assertThat(list.match("198.51.100.9")).isPresent();
            clock.advance(Duration.ofDays(1).plusSeconds(1));
            assertThat(list.match("198.51.100.9")).isEmpty();
        }
    }

    @Test
    void anotherNodeSeesANewBlockAfterItsRefreshPeriod() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList first = blocks(db, "default");
            BlockList second = blocks(db, "default");
            first.add(new BlockRequest("2001:db8:7::/48", "range", null, null), "thu.ha");
            assertThat(second.match("2001:db8:7::1")).as("before its refresh").isEmpty();
            clock.advance(REFRESH);
            assertThat(second.match("2001:db8:7::1")).isPresent();
        }
    }

    @Test
    void sitesKeepTheirOwnLists() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            blocks(db, "ngoquyen").add(new BlockRequest("192.0.2.1", "spam", null, null), "admin");
            assertThat(blocks(db, "lachtray").match("192.0.2.1")).isEmpty();
            assertThat(blocks(db, "ngoquyen").match("192.0.2.1")).isPresent();
        }
    }

    @Test
    void threeBlockedAddressesInOneSubnetSuggestARollUp() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList list = blocks(db, "default");
            for (String address : new String[] {"192.0.2.1", "192.0.2.20", "192.0.2.33"}) {
                list.add(new BlockRequest(address, "spam", null, null), "thu.ha");
            }
            assertThat(list.suggestions()).singleElement().satisfies(s -> assertThat(s.cidr()).isEqualTo("192.0.2.0/24"));
            list.add(new BlockRequest("192.0.2.0/24", "rolled up", null, null), "thu.ha");
            assertThat(list.suggestions()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "example.com", "10.0.0.0/7", "2001:db8::/31", "0.0.0.0/0", "::/0", "10.0.0.0/+8",
            "010.0.0.1", "192.0.2.1; DROP TABLE sg_blocks", "<script>alert(1)</script>", "192.0.2.1/٣٢"})
    void aBlockThatIsNotANarrowEnoughAddressIsRefused(String cidr) {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList list = blocks(db, "default");
            assertThatThrownBy(() -> list.add(new BlockRequest(cidr, "reason", null, null), "thu.ha"))
                    .isInstanceOf(BlockTexts.Invalid.class);
            assertThat(list.list(true)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aBlockNeedsAReason(String reason) {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList list = blocks(db, "default");
            assertThatThrownBy(() -> list.add(new BlockRequest("192.0.2.1", reason, null, null), "thu.ha"))
                    .isInstanceOf(BlockTexts.Invalid.class);
            assertThatThrownBy(() -> list.add(new BlockRequest("192.0.2.1", "x".repeat(BlockTexts.MAX_REASON + 1), null, null), "thu.ha"))
                    .isInstanceOf(BlockTexts.Invalid.class);
        }
    }

    @Test
    void anUnparsableClientAddressMatchesNothing() {
        try (Database db = Databases.open(Databases.Kind.H2)) {
            BlockList list = blocks(db, "default");
            list.add(new BlockRequest("0.0.0.0/8", "wide", null, null), "thu.ha");
            assertThat(list.match("0")).isEmpty();
            assertThat(list.match("")).isEmpty();
            assertThat(list.match("unknown")).isEmpty();
            assertThat(list.match("0.0.0.1")).isPresent();
        }
    }
}
