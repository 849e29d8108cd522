package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.net.ClientAddress;
import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.store.JdbcIpLogStorage;
import vn.schoolguard.internal.db.Json;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;

/**
 * The search condition with hostile parameters (iplog/where-hostile.json): every value is a bound argument and
 * never SQL text, bad values are refused with their reason, and each search runs on a real H2 log and finds
 * exactly what it should.
 */
class IpLogWhereTest {

    record Case(String why, Map<String, String> params, String sql, List<String> args, String error, Integer matches) {
        @Override
        public String toString() {
            return why;
        }
    }

    private static Database db;
    private static IpLog log;

    static Stream<Case> cases() throws IOException {
        try (InputStream in = IpLogWhereTest.class.getResourceAsStream("/iplog/where-hostile.json")) {
            return Json.MAPPER.readValue(in, new TypeReference<List<Case>>() { }).stream();
        }
    }

    @BeforeAll
    static void seed() {
        db = Databases.open(Databases.Kind.H2);
        MutableClock clock = new MutableClock(ChainTestRecords.T0);
        log = new IpLog(new JdbcIpLogStorage(db), "default", clock);
        seed(clock, "113.161.0.7", "Mozilla/5.0 (Android 14)", null, "comments", 41L, "AB12-CD34", Outcome.HELD, null);
        seed(clock, "2001:db8::1", "O'Brien\"; DROP TABLE sg_iplog; --", "o'brien", "guestbook", null, null, Outcome.HELD, null);
        seed(clock, "192.0.2.1", "100% real_deal", null, "comments", null, null, Outcome.HELD, null);
        seed(clock, "::1", "C:\\temp\\x", null, "comments", null, null, Outcome.HELD, null);
        seed(clock, "198.51.100.4", "nul\u0000inside", null, "comments", null, null, Outcome.REFUSED, "bad\u0000byte");
    }

    private static void seed(MutableClock clock, String ip, String userAgent, String user, String route, Long submission,
                             String receipt, Outcome outcome, String detail) {
        int port = 50001 + (int) log.count(query(Map.of()));
        log.record(new IpLogEntry(new ClientAddress(ip, port, "10.0.0.1", 40000, null, false, true), userAgent, user, route,
                "POST", "/news/1/comments", submission, receipt, outcome, detail, null));
        clock.advance(Duration.ofMinutes(1));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static IpLogQuery query(Map<String, String> params) {
        try {
            return IpLogQuery.parse(params::get);
        } catch (IpLogQuery.BadQuery e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyValueIsBoundAndTheSearchFindsExactlyWhatItShould(Case c) {
        if (c.error() != null) {
            assertThatThrownBy(() -> IpLogQuery.parse(c.params()::get)).isInstanceOf(IpLogQuery.BadQuery.class)
                    .hasMessageContaining(c.error());
            return;
        }
        IpLogQuery query = query(c.params());
        IpLogWhere.Condition where = IpLogWhere.of("default", query.criteria());
        assertThat(where.sql()).isEqualTo(c.sql());
        assertThat(where.args()).extracting(String::valueOf).containsExactlyElementsOf(c.args());
        assertThat(log.search(query).total()).isEqualTo((long) c.matches());
    }

    @Test
    void veryLongValuesStayArgumentsAndTheSearchStillRuns() {
        String text = "x'%_\\".repeat(25_000);
        IpLogQuery query = query(Map.of("q", text, "route", "r".repeat(100_000), "user", "'".repeat(100_000)));
        IpLogWhere.Condition where = IpLogWhere.of("default", query.criteria());
        assertThat(where.sql()).isEqualTo("site_key = ? AND route = ? AND poster_user = ?"
                + " AND (LOWER(user_agent) LIKE ? OR LOWER(path) LIKE ? OR LOWER(detail) LIKE ?)");
        assertThat(where.args().get(3)).isEqualTo("%" + "x'\\".repeat(25_000) + "%");
        assertThat(log.search(query).total()).isZero();
        assertThatThrownBy(() -> IpLogQuery.parse(Map.of("ip", "1".repeat(10_000))::get)).hasMessageContaining("ip must be");
        assertThatThrownBy(() -> IpLogQuery.parse(Map.of("cidr", ":".repeat(10_000) + "/64")::get)).hasMessageContaining("cidr must be");
    }

    @Test
    void theConditionIsAlwaysScopedToItsSite() {
        Map<String, String> params = new HashMap<>();
        params.put("q", "x");
        IpLogWhere.Condition other = IpLogWhere.of("other' OR '1'='1", query(params).criteria());
        assertThat(other.sql()).startsWith("site_key = ? AND ");
        assertThat(other.siteKey()).isEqualTo(other.args().get(0)).isEqualTo("other' OR '1'='1");
        assertThat(IpLogWhere.site("lachtray.localhost")).isEqualTo(
                new IpLogWhere.Condition("lachtray.localhost", "site_key = ?", List.of("lachtray.localhost")));
    }
}
