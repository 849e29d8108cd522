package vn.schoolguard.internal.inject;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.schoolguard.internal.http.page.PageDecoratorTest;
import vn.schoolguard.internal.http.page.PageServer;
import vn.schoolguard.testing.TestSite;

/**
 * Regression: a poster's {@code _govaq} suppressed the EMC tracker. Hostile pages served through the whole filter,
 * by stream and by writer, in pieces of every size: each answer carries exactly one working tracker for the site.
 */
class TrackerOverHttpTest {

    @TempDir
    static Path dataDir;
    private static TestSite site;
    private static String inserted;

    @BeforeAll
    static void start() throws Exception {
        site = new TestSite(dataDir, Map.of("emc.site-id", TrackerPages.SITE_ID, "implant.sample-rate", "0"));
        inserted = new Snippets(PageServer.settings("emc.site-id", TrackerPages.SITE_ID)).tracker(Optional.empty());
    }

    @AfterAll
    static void stop() throws Exception {
        site.close();
    }

    static Stream<Arguments> requests() {
        return TrackerPages.names().flatMap(name -> Stream.of("stream", "writer").flatMap(via ->
                Stream.of("1", "7", "64", "all").map(chunk -> Arguments.of(name, via, chunk))));
    }

    @ParameterizedTest(name = "{0} by {1} in pieces of {2}")
    @MethodSource("requests")
    void answerCarriesExactlyOneWorkingTrackerForTheSite(String name, String via, String chunk) throws Exception {
        String query = "?via=" + via + (chunk.equals("all") ? "" : "&chunk=" + chunk);
        HttpResponse<String> response = site.get("/pages/" + name + query);
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat(body).isEqualTo(TrackerPages.served(name, inserted));
        int insertedCount = PageDecoratorTest.count(body, inserted);
        assertThat(insertedCount + (TrackerPages.carriesOwn(name) ? 1 : 0)).as("working trackers for the site").isEqualTo(1);
        PageInspection check = PageInspection.of(body, URI.create(site.base()), ImplantRules.builtIn(), List.of());
        assertThat(check.siteIds()).contains(TrackerPages.SITE_ID);
    }
}
