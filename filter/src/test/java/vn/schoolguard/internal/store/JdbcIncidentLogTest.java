package vn.schoolguard.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.testing.Databases;

/** Incidents and home-page checks on H2 and PostgreSQL: scoped to one site, counted by period, hostile text kept. */
class JdbcIncidentLogTest {

    private static final Instant NOV = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant DEC = Instant.parse("2026-12-01T00:00:00Z");

    static Stream<Databases.Kind> kinds() {
        return Databases.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void incidentsAreCountedPerSiteAndPeriodAndNeverSeenFromAnotherSite(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcIncidentLog log = new JdbcIncidentLog(db);
            log.record(Incident.of("ngoquyen", IncidentKind.IMPLANT, NOV.plusSeconds(60), "/tin-tuc", "bet link"));
            log.record(Incident.of("ngoquyen", IncidentKind.IMPLANT, DEC.minusSeconds(1), "/", "bet link"));
            log.record(Incident.of("ngoquyen", IncidentKind.QUEUE_OLD, DEC, "", "12 items"));
            log.record(Incident.of("lachtray", IncidentKind.TRACKER_MISSING, NOV.plusSeconds(5), "/", "no tracker"));

            assertThat(log.counts("ngoquyen", NOV, DEC)).containsExactly(Map.entry(IncidentKind.IMPLANT, 2L));
            assertThat(log.counts("lachtray", NOV, DEC)).containsExactly(Map.entry(IncidentKind.TRACKER_MISSING, 1L));
            assertThat(log.counts("other", NOV, DEC)).isEmpty();
            assertThat(log.recent("ngoquyen", 10)).extracting(Incident::kind)
                    .containsExactly(IncidentKind.QUEUE_OLD, IncidentKind.IMPLANT, IncidentKind.IMPLANT);
            assertThat(log.recent("ngoquyen", 10)).allSatisfy(i -> assertThat(i.siteKey()).isEqualTo("ngoquyen"));
            assertThat(log.between("ngoquyen", NOV, DEC, 10)).extracting(Incident::page).containsExactly("/tin-tuc", "/");
            assertThat(log.between("ngoquyen", NOV, DEC, 1)).hasSize(1);
        }
    }

    static Stream<Arguments> hostile() throws Exception {
        List<String> texts = Files.readAllLines(Path.of(JdbcIncidentLogTest.class.getResource("/incident/hostile-details.txt")
                .toURI()), StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isEmpty())
                .map(l -> l.replace("\\0", "\0").replace("\\e", "\u001b").replace("\\x7f", "\u007f")).toList();
        return Databases.kinds().flatMap(k -> texts.stream().map(t -> Arguments.of(k, t)));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileTextIsStoredReadablyWithoutControlCharacters(Databases.Kind kind, String text) {
        try (Database db = Databases.open(kind)) {
            JdbcIncidentLog log = new JdbcIncidentLog(db);
            Incident stored = log.record(Incident.of("s", IncidentKind.IMPLANT, NOV, text, text + text.repeat(2000)));
            Incident read = log.recent("s", 1).get(0);
            assertThat(read).isEqualTo(stored);
            assertThat(read.page().codePoints()).noneMatch(c -> Character.isISOControl(c));
            assertThat(read.detail().length()).isLessThanOrEqualTo(Incident.MAX_DETAIL);
            assertThat(read.page().replace("\uFFFD", "")).isEqualTo(text.replaceAll("\\p{Cntrl}", ""));
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void theLatestHomeCheckOfEachSiteReplacesTheOneBefore(Databases.Kind kind) {
        try (Database db = Databases.open(kind)) {
            JdbcHomeChecks checks = new JdbcHomeChecks(db);
            checks.save(new HomeCheck("ngoquyen", NOV, "http://ngoquyen.localhost/", 200, true, true, true, ""));
            checks.save(new HomeCheck("ngoquyen", DEC, "http://ngoquyen.localhost/", 200, false, true, true, "no tracker\0"));
            checks.save(new HomeCheck("lachtray", NOV, "http://lachtray.localhost/", 0, false, false, false, "refused"));

            assertThat(checks.latest("ngoquyen")).hasValueSatisfying(c -> {
                assertThat(c.checkedAt()).isEqualTo(DEC);
                assertThat(c.compliant()).isFalse();
                assertThat(c.detail()).isEqualTo("no tracker\uFFFD");
            });
            assertThat(checks.all()).containsOnlyKeys("lachtray", "ngoquyen");
            assertThat(checks.latest("nobody")).isEmpty();
        }
    }
}
