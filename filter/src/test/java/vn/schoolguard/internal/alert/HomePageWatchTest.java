package vn.schoolguard.internal.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.db.Database;
import vn.schoolguard.internal.http.LoopbackHomePage;
import vn.schoolguard.internal.incident.HomeCheck;
import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;
import vn.schoolguard.internal.store.JdbcHomeChecks;
import vn.schoolguard.internal.store.JdbcIncidentLog;
import vn.schoolguard.testing.Databases;
import vn.schoolguard.testing.MutableClock;
import vn.schoolguard.testing.TestSite;

/**
 * The home-page self-check against a real site over HTTP and a real H2 store: an incident when a check turns from
 * passing (or never checked) to failing, never on every run; an outage in between changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePageWatchTest {

    static final URI PORTAL = URI.create("https://haiphong.edu.vn/");
    static final String FOOTER = "<footer><a href=\"https://haiphong.edu.vn/\">Sở GD&amp;ĐT Hải Phòng</a></footer>";

    @TempDir
    static Path dataDir;
    TestSite site;
    Database db;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T01:00:00Z"));

    @BeforeAll
    void start() throws Exception {
        site = new TestSite(dataDir, Map.of("implant.sample-rate", "0"));
        db = Databases.open(Databases.Kind.H2);
    }

    @AfterAll
    void stop() throws Exception {
        site.close();
        db.close();
    }

    private Alerts alerts() {
        return new Alerts(new JdbcIncidentLog(db), AlertSettings.defaults(), ZoneOffset.UTC,
                new Deliveries(List.of(), AlertSettings.defaults().delivery(), List.of()), clock);
    }

    private HomePageWatch watch(Alerts alerts, String siteKey, String path) {
        return new HomePageWatch(alerts, new JdbcHomeChecks(db),
                new LoopbackHomePage(URI.create(site.base() + path), Optional.of("thcs-ngoquyen.haiphong.edu.vn"),
                        Duration.ofSeconds(5)),
                new HomePageWatch.Expected(Optional.of("4242"), "f-emc.ngsp.gov.vn", Optional.of(PORTAL), Optional.empty()),
                siteKey, Duration.ofHours(1), null);
    }

    static String fixture(String name) throws Exception {
        return Files.readString(Path.of(HomePageWatchTest.class.getResource("/inject/tracker/" + name).toURI()),
                StandardCharsets.UTF_8);
    }

    private void serve(String path, String html) {
        site.pages.put(path, new TestSite.Served(html.replace("</body>", FOOTER + "</body>"), Map.of()));
    }

    @Test
    void aHomePageWithoutTheTrackerIsOneIncidentNotOnePerRun() throws Exception {
        Alerts alerts = alerts();
        HomePageWatch watch = watch(alerts, "ngoquyen", "/home");
        serve("/home", "<html><body><h1>Trường THCS Ngô Quyền</h1></body></html>");

        HomeCheck first = watch.runOnce();
        assertThat(first.tracker()).isFalse();
        assertThat(first.portal()).isTrue();
        for (int run = 0; run < 3; run++) {
            clock.advance(Duration.ofHours(1));
            watch.runOnce();
        }
        assertThat(kinds("ngoquyen")).containsExactlyInAnyOrder(IncidentKind.TRACKER_MISSING, IncidentKind.LABEL_MISSING);

        serve("/home", fixture("own-official.html"));
        clock.advance(Duration.ofHours(1));
        assertThat(watch.runOnce().compliant()).isTrue();

        // An outage keeps what was known: the page failing afterwards is a change only once.
        site.pages.remove("/home");
        clock.advance(Duration.ofHours(1));
        assertThat(watch.runOnce().status()).isEqualTo(404);
        serve("/home", "<html><body>no tracker again</body></html>");
        clock.advance(Duration.ofHours(1));
        watch.runOnce();
        site.pages.remove("/home");
        watch.runOnce();
        serve("/home", "<html><body>still none</body></html>");
        watch.runOnce();
        assertThat(kinds("ngoquyen")).filteredOn(k -> k == IncidentKind.TRACKER_MISSING).hasSize(2);
        Incident latest = new JdbcIncidentLog(db).recent("ngoquyen", 1).get(0);
        assertThat(latest.page()).isEqualTo("/school/home");
        assertThat(latest.at()).isEqualTo(clock.instant());
    }

    @Test
    void aLostPortalLinkIsItsOwnIncidentAndTheWrongSiteIdIsAMissingTracker() throws Exception {
        Alerts alerts = alerts();
        HomePageWatch watch = watch(alerts, "lachtray", "/lt");
        serve("/lt", fixture("own-official.html"));
        assertThat(watch.runOnce().compliant()).isTrue();
        site.pages.put("/lt", new TestSite.Served(fixture("own-official.html").replace("'4242'", "'999'"), Map.of()));
        watch.runOnce();
        assertThat(kinds("lachtray")).containsExactlyInAnyOrder(IncidentKind.TRACKER_MISSING, IncidentKind.PORTAL_MISSING);
        assertThat(new JdbcIncidentLog(db).recent("lachtray", 5)).filteredOn(i -> i.kind() == IncidentKind.TRACKER_MISSING)
                .singleElement().satisfies(i -> assertThat(i.detail()).contains("4242").contains("999"));
    }

    static Stream<Map.Entry<String, String>> trackerFixtures() throws Exception {
        Properties expected = new Properties();
        try (var in = HomePageWatchTest.class.getResourceAsStream("/inject/tracker/expected.properties")) {
            expected.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return expected.stringPropertyNames().stream().sorted().map(name -> Map.entry(name, expected.getProperty(name)));
    }

    /** The self-check sees the tracker exactly where the {@code check} command and the rewriter do. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("trackerFixtures")
    void hostileTrackerLookalikesAreMissingTrackers(Map.Entry<String, String> fixture) throws Exception {
        String key = "fx-" + fixture.getKey().replace(".html", "").replaceAll("[^a-z0-9-]", "-");
        String path = "/fx/" + key;
        serve(path, fixture(fixture.getKey()));
        HomeCheck check = watch(alerts(), key, path).runOnce();
        boolean working = fixture.getValue().contains("4242");
        assertThat(check.tracker()).as(fixture.getKey()).isEqualTo(working);
        assertThat(kinds(key).contains(IncidentKind.TRACKER_MISSING)).isEqualTo(!working);
    }

    private List<IncidentKind> kinds(String siteKey) {
        return new JdbcIncidentLog(db).recent(siteKey, 100).stream().map(Incident::kind).toList();
    }
}
